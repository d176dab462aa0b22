//! Unit tests of `Image::create_from_file` on PNG files written here and on
//! small JPEG fixtures (generated with GStreamer's jpegenc).

use std::path::PathBuf;

use super::*;
use crate::image_frame::PixelValue;

/// Writes an 8-bit PNG with `color` and `pixels` to a unique temp file.
fn write_png(name: &str, width: u32, height: u32, color: png::ColorType, pixels: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("mpcore-{}-{name}.png", std::process::id()));
    let file = std::fs::File::create(&path).unwrap();
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width, height);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header().unwrap().write_image_data(pixels).unwrap();
    path
}

fn fixture(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn png_channels_map_to_formats() {
    let rgb: Vec<u8> = (0..3 * 5 * 2).map(|i| i as u8).collect();
    let path = write_png("rgb", 5, 2, png::ColorType::Rgb, &rgb);
    let image = Image::create_from_file(path.to_str().unwrap()).unwrap();
    assert_eq!((image.format(), image.width(), image.height()), (ImageFormat::Srgb, 5, 2));
    assert!(image.is_contiguous());
    assert_eq!(image.frame().to_contiguous_vec(), rgb);
    let path = write_png("gray", 3, 1, png::ColorType::Grayscale, &[1, 2, 3]);
    let image = Image::create_from_file(path.to_str().unwrap()).unwrap();
    assert_eq!(image.format(), ImageFormat::Gray8);
    assert_eq!(image.get_pixel(&[0, 2]).unwrap(), PixelValue::Int(3));
    let path = write_png("rgba", 1, 1, png::ColorType::Rgba, &[9, 8, 7, 6]);
    assert_eq!(Image::create_from_file(path.to_str().unwrap()).unwrap().format(), ImageFormat::Srgba);
}

#[test]
fn two_channel_png_is_a_runtime_error() {
    let path = write_png("ga", 1, 1, png::ColorType::GrayscaleAlpha, &[1, 2]);
    let err = Image::create_from_file(path.to_str().unwrap()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Failed);
    assert!(err.message().starts_with("Image decoding failed (unsupported channel count 2)"));
}

#[test]
fn jpeg_fixtures_decode_to_srgb_and_gray8() {
    let image = Image::create_from_file(&fixture("smpte_16x8.jpg")).unwrap();
    assert_eq!((image.format(), image.width(), image.height()), (ImageFormat::Srgb, 16, 8));
    // The SMPTE pattern's top-left bar is a light grey: bright, R ≈ G ≈ B.
    let channel = |c| match image.get_pixel(&[0, 0, c]).unwrap() {
        PixelValue::Int(v) => v,
        other => panic!("unexpected {other:?}"),
    };
    let (r, g, b) = (channel(0), channel(1), channel(2));
    assert!(r > 150 && (r - g).abs() < 24 && (r - b).abs() < 24, "{r} {g} {b}");
    let gray = Image::create_from_file(&fixture("gray_16x8.jpg")).unwrap();
    assert_eq!((gray.format(), gray.width(), gray.channels()), (ImageFormat::Gray8, 16, 1));
}

#[test]
fn missing_unknown_and_corrupt_files_are_errors() {
    let err = Image::create_from_file("/nonexistent/x.png").unwrap_err();
    assert_eq!(err.message(), "Image decoding failed (can't fopen): /nonexistent/x.png");
    let text = std::env::temp_dir().join(format!("mpcore-{}-text.png", std::process::id()));
    std::fs::write(&text, b"not an image").unwrap();
    let err = Image::create_from_file(text.to_str().unwrap()).unwrap_err();
    assert!(err.message().starts_with("Image decoding failed (unknown image type): "));
    let mut jpeg = std::fs::read(fixture("smpte_16x8.jpg")).unwrap();
    jpeg.truncate(40);
    let cut = std::env::temp_dir().join(format!("mpcore-{}-cut.jpg", std::process::id()));
    std::fs::write(&cut, &jpeg).unwrap();
    let err = Image::create_from_file(cut.to_str().unwrap()).unwrap_err();
    assert!(err.message().starts_with("Image decoding failed ("), "{}", err.message());
    assert_eq!(err.kind(), ErrorKind::Failed);
    let mut png_bytes = PNG_MAGIC.to_vec();
    png_bytes.extend_from_slice(&[0; 20]);
    let bad = std::env::temp_dir().join(format!("mpcore-{}-bad.png", std::process::id()));
    std::fs::write(&bad, &png_bytes).unwrap();
    assert!(Image::create_from_file(bad.to_str().unwrap()).is_err());
}

#[test]
fn endless_and_non_regular_files_are_errors_not_hangs() {
    // Found by the fuzzer: the whole file used to be read before sniffing its
    // type, so `/dev/zero` never returned (and grew without bound).
    let err = Image::create_from_file("/dev/zero").unwrap_err();
    assert_eq!(err.message(), "Image decoding failed (unknown image type): /dev/zero");
    let err = Image::create_from_file("/").unwrap_err();
    assert_eq!(err.message(), "Image decoding failed (can't fopen): /");
    let tiny = std::env::temp_dir().join(format!("mpcore-{}-tiny.png", std::process::id()));
    std::fs::write(&tiny, &PNG_MAGIC[..3]).unwrap();
    let err = Image::create_from_file(tiny.to_str().unwrap()).unwrap_err();
    assert!(err.message().starts_with("Image decoding failed (unknown image type): "));
}
