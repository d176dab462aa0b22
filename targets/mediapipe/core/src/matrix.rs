//! [`Matrix`]: a dense float32 matrix stored column-major, as Eigen's
//! `MatrixXf` stores it.
//!
//! This module owns the layout conversion from row-major input (what numpy
//! hands over by default), element access and the raw column-major data a
//! zero-copy F-contiguous numpy export needs. Numeric dtype conversion is
//! the caller's job.

use std::sync::Arc;

use bindery_annotations as bindery;

use crate::status::{Result, Status};

/// A `rows × cols` float32 matrix, column-major. Cloning shares the data.
#[bindery::class(module = "matrix", name = "Matrix")]
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    rows: usize,
    cols: usize,
    data: Arc<[f32]>,
}

fn check_len(rows: usize, cols: usize, len: usize) -> Result<()> {
    match rows.checked_mul(cols) {
        Some(n) if n == len => Ok(()),
        _ => Err(Status::invalid_argument(format!("a {rows}x{cols} matrix needs {} values, got {len}", rows.saturating_mul(cols)))),
    }
}

#[bindery::methods]
impl Matrix {
    /// A matrix from values listed row by row (C order).
    pub fn from_row_major(rows: usize, cols: usize, values: &[f32]) -> Result<Matrix> {
        check_len(rows, cols, values.len())?;
        let mut data = Vec::with_capacity(values.len());
        for c in 0..cols {
            data.extend((0..rows).map(|r| values[r * cols + c]));
        }
        Ok(Matrix { rows, cols, data: data.into() })
    }

    /// A matrix from values listed column by column (Fortran/Eigen order).
    pub fn from_column_major(rows: usize, cols: usize, values: Vec<f32>) -> Result<Matrix> {
        check_len(rows, cols, values.len())?;
        Ok(Matrix { rows, cols, data: values.into() })
    }

    /// `create_matrix` / `Matrix(ndarray)`: `shape` is the numpy shape of the
    /// C-ordered `values`. A 1-D input of n values becomes an (n, 1) column;
    /// `transpose` stores the transpose. Other ranks are TypeError-kind errors.
    #[bindery::constructor]
    pub fn from_array(shape: &[usize], values: &[f32], transpose: bool) -> Result<Matrix> {
        let (rows, cols) = match *shape {
            [n] => (n, 1),
            [r, c] => (r, c),
            _ => {
                return Err(Status::wrong_type(format!("a matrix needs a 1-D or 2-D array, got {} dimensions", shape.len())));
            }
        };
        if transpose {
            // Row-major r×c data is the column-major layout of its c×r transpose.
            check_len(rows, cols, values.len())?;
            return Matrix::from_column_major(cols, rows, values.to_vec());
        }
        Matrix::from_row_major(rows, cols, values)
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of columns.
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// The element at (`row`, `col`); `None` out of bounds.
    pub fn get(&self, row: usize, col: usize) -> Option<f32> {
        (row < self.rows && col < self.cols).then(|| self.data[col * self.rows + row])
    }

    /// The values column by column (`rows × cols` floats). As a numpy array:
    /// shape (rows, cols), byte strides (4, 4 × rows), F-contiguous.
    pub fn column_major_data(&self) -> &[f32] {
        &self.data
    }

    /// The values row by row (a copy in C order).
    pub fn to_row_major(&self) -> Vec<f32> {
        let mut out = Vec::with_capacity(self.data.len());
        for r in 0..self.rows {
            out.extend((0..self.cols).map(|c| self.data[c * self.rows + r]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_major_input_is_stored_column_major() {
        let m = Matrix::from_row_major(2, 3, &[1., 2., 3., 4., 5., 6.]).unwrap();
        assert_eq!(m.column_major_data(), &[1., 4., 2., 5., 3., 6.]);
        assert_eq!((m.rows(), m.cols()), (2, 3));
        assert_eq!(m.get(1, 2), Some(6.));
        assert_eq!(m.get(2, 0), None);
        assert_eq!(m.to_row_major(), vec![1., 2., 3., 4., 5., 6.]);
    }

    #[test]
    fn from_array_handles_1d_transpose_and_bad_rank() {
        let col = Matrix::from_array(&[3], &[1., 2., 3.], false).unwrap();
        assert_eq!((col.rows(), col.cols()), (3, 1));
        let t = Matrix::from_array(&[2, 3], &[1., 2., 3., 4., 5., 6.], true).unwrap();
        assert_eq!((t.rows(), t.cols()), (3, 2));
        assert_eq!(t.get(2, 1), Some(6.));
        assert_eq!(t.get(0, 1), Some(4.));
        let err = Matrix::from_array(&[1, 2, 3], &[0.; 6], false).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::WrongType);
        assert!(Matrix::from_array(&[2, 2], &[0.; 3], false).is_err());
        assert!(Matrix::from_array(&[usize::MAX, 2], &[], false).is_err());
    }
}
