//! Turning an upload into the bytes that are stored: decode, turn upright, shrink, encode anew. Nothing of
//! the file as sent survives: the encoders write pixels only, so EXIF (GPS, camera make and model,
//! timestamps), XMP, ICC profiles, comments and embedded thumbnails are all gone, and the original is never
//! kept. CPU-bound and blocking: callers run it off the async runtime, a bounded number at a time.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};

use crate::model::images::MAX_SIDE;

/// The longest side of the stored full size, and of the thumbnail (phone screens are ~1,200 device pixels
/// wide; the list's and the strip's thumbnails are at most 240 CSS pixels).
const FULL_SIDE: u32 = 2048;
const THUMB_SIDE: u32 = 480;
const JPEG_QUALITY: u8 = 85;
const THUMB_QUALITY: u8 = 80;
/// The most a decode may allocate: a photo within [`MAX_SIDE`] at its full resolution of a phone camera
/// (50 MP RGB is 150 MB) fits; a bomb does not get to allocate.
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// Why an upload is not stored; each has its own message (`server::images`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a JPEG, PNG or WebP file.
    NotAnImage,
    /// An iPhone's HEIC, for which no decoder is built in.
    Heic,
    /// Wider or taller than [`MAX_SIDE`], or more pixels than a decode may hold.
    TooManyPixels,
    /// A known format whose data is damaged or truncated.
    Unreadable,
}

/// The stored form of a photo.
pub struct Encoded {
    /// JPEG, or PNG for a picture with transparency (a sticker, a screenshot with an alpha channel).
    pub full: Vec<u8>,
    pub full_type: &'static str,
    pub width: u32,
    pub height: u32,
    /// Always JPEG, on white where the picture is transparent.
    pub thumb: Vec<u8>,
}

/// Decodes `bytes` within the memory bound, applies the EXIF orientation (the pixels turn; the tag is
/// dropped with the rest), and encodes the full size and the thumbnail.
pub fn reencode(bytes: &[u8]) -> Result<Encoded, Refusal> {
    let mut reader =
        ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|_| Refusal::Unreadable)?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => {}
        _ if is_heic(bytes) => return Err(Refusal::Heic),
        _ => return Err(Refusal::NotAnImage),
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let orientation = decoder.orientation().map_err(refusal)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    picture.apply_orientation(orientation);

    let full = if picture.width().max(picture.height()) > FULL_SIDE {
        picture.resize(FULL_SIDE, FULL_SIDE, FilterType::Triangle)
    } else {
        picture
    };
    let (width, height) = (full.width(), full.height());
    let thumb = jpeg(&on_white(&full.thumbnail(THUMB_SIDE, THUMB_SIDE)), THUMB_QUALITY)?;
    let (full, full_type) = if full.color().has_alpha() {
        let mut out = Vec::new();
        full.to_rgba8().write_with_encoder(PngEncoder::new(&mut out)).map_err(|_| Refusal::Unreadable)?;
        (out, "image/png")
    } else {
        (jpeg(&full.to_rgb8(), JPEG_QUALITY)?, "image/jpeg")
    };
    Ok(Encoded { full, full_type, width, height, thumb })
}

fn jpeg(picture: &RgbImage, quality: u8) -> Result<Vec<u8>, Refusal> {
    let mut out = Vec::new();
    picture
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, quality))
        .map_err(|_| Refusal::Unreadable)?;
    Ok(out)
}

/// The picture as RGB, its transparent parts over white (JPEG has no alpha; black would hide dark text).
fn on_white(picture: &DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.to_rgb8();
    }
    let rgba = picture.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

fn refusal(error: ImageError) -> Refusal {
    match error {
        ImageError::Limits(_) => Refusal::TooManyPixels,
        _ => Refusal::Unreadable,
    }
}

/// The brands of the HEIF family (an iPhone's HEIC photos among them) in an ISO-BMFF file's `ftyp` box.
const HEIF_BRANDS: [&[u8]; 6] = [b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1"];

/// Whether the bytes are a HEIF file: `ftyp` at offset 4, then one of its brands.
fn is_heic(bytes: &[u8]) -> bool {
    bytes.get(4..8) == Some(b"ftyp".as_slice())
        && bytes.get(8..12).is_some_and(|brand| HEIF_BRANDS.contains(&brand))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        RgbImage::new(width, height).write_with_encoder(PngEncoder::new(&mut out)).unwrap_or_default();
        out
    }

    #[test]
    fn a_big_photo_is_shrunk_and_keeps_its_shape() {
        let encoded = reencode(&png(4096, 1024)).map_err(|r| format!("{r:?}"));
        let encoded = encoded.as_ref().map(|e| (e.width, e.height, e.full_type));
        assert_eq!(encoded, Ok((2048, 512, "image/jpeg")));
    }

    #[test]
    fn what_is_not_a_photo_is_named_for_what_it_is() {
        assert_eq!(reencode(b"hello, not a picture").err(), Some(Refusal::NotAnImage));
        assert_eq!(reencode(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").err(), Some(Refusal::Heic));
        let mut cut = png(64, 64);
        cut.truncate(cut.len() / 2);
        assert_eq!(reencode(&cut).err(), Some(Refusal::Unreadable));
    }
}
