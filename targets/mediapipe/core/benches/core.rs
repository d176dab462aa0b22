//! Micro-benchmarks of the packet and image core (plain `std::time`, no
//! harness): packet create+get for int, string and a 1000-float vector, and
//! ImageFrame copies of a 1080p RGB buffer next to a plain `Vec` memcpy of
//! the same bytes. Prints a Markdown table of median ns per operation.
//!
//! Run: `CARGO_TARGET_DIR=/work/tgt/mpc cargo bench -p mediapipe-core --bench core`

use std::hint::black_box;
use std::time::Instant;

use mediapipe_core::image_frame::GL_DEFAULT_ALIGNMENT_BOUNDARY;
use mediapipe_core::{ImageFormat, ImageFrame, creator, getter};

/// Median ns per call of `f` over `repeats` timed loops of `iters` calls.
fn measure(iters: u64, repeats: usize, mut f: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..repeats)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iters {
                f();
            }
            start.elapsed().as_nanos() as f64 / iters as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn row(name: &str, ns: f64, note: &str) {
    println!("| {name} | {ns:.1} | {note} |");
}

fn packet_rows() {
    let ns = measure(1_000_000, 7, || {
        let p = creator::create_int(black_box(42)).unwrap();
        black_box(getter::get_int(&p).unwrap());
    });
    row("create_int + get_int", ns, "");
    let ns = measure(1_000_000, 7, || {
        let p = creator::create_string(black_box(b"hello, mediapipe"));
        black_box(getter::get_str(&p).unwrap());
    });
    row("create_string + get_str (16 B)", ns, "");
    let floats: Vec<f64> = (0..1000).map(f64::from).collect();
    let ns = measure(20_000, 7, || {
        let p = creator::create_float_vector(black_box(&floats));
        black_box(getter::get_float_list(&p).unwrap());
    });
    row("create_float_vector + get_float_list (1000)", ns, "");
}

fn image_rows() {
    let (w, h) = (1920usize, 1080usize);
    let src: Vec<u8> = (0..w * h * 3).map(|i| (i % 253) as u8).collect();
    let memcpy = measure(40, 7, || {
        black_box(black_box(&src).to_vec());
    });
    row("Vec memcpy of 1080p RGB (6.2 MB)", memcpy, "baseline");
    let frame = measure(40, 7, || {
        let f = ImageFrame::from_pixels(ImageFormat::Srgb, w, h, black_box(&src), w * 3, GL_DEFAULT_ALIGNMENT_BOUNDARY);
        black_box(f.unwrap());
    });
    row("ImageFrame copy, 1920x1080 SRGB", frame, &format!("{:.2}x memcpy", frame / memcpy));
    let padded = measure(40, 7, || {
        let f = ImageFrame::from_pixels(ImageFormat::Srgb, w - 1, h, black_box(&src), w * 3, GL_DEFAULT_ALIGNMENT_BOUNDARY);
        black_box(f.unwrap());
    });
    row("ImageFrame copy, 1919x1080 SRGB (padded rows)", padded, &format!("{:.2}x memcpy", padded / memcpy));
}

fn main() {
    println!("| operation | median ns/op | note |");
    println!("|---|---:|---|");
    packet_rows();
    image_rows();
}
