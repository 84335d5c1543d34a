//! Photos on posts: the upload's re-encoding (metadata gone from the stored bytes, the photo turned upright),
//! its refusals (not an image, HEIC, a decompression bomb, a file over the limit), attaching to a post (the
//! uploader's own waiting uploads only, at most the configured number, once), who is served a photo (its
//! school's members while the post is live) and its caching, and deletion.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ImageEncoder, RgbImage, RgbaImage};
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

use crate::helpers::*;

/// Markers planted in a photo's metadata; none may survive.
const CAMERA: &[u8] = b"CampusCam GPS 37.5665N 126.9780E";
const XMP: &[u8] = b"SECRET-XMP-CREATOR";
const COMMENT: &[u8] = b"SECRET-JPEG-COMMENT";
const PNG_TEXT: &[u8] = b"SECRET-PNG-AUTHOR";

/// A 64 x 48 JPEG with EXIF (camera make with a GPS-like text, orientation 6: turn 90 degrees clockwise),
/// XMP and a comment, as a phone might send it.
fn phone_jpeg() -> Vec<u8> {
    let picture = RgbImage::from_fn(64, 48, |x, y| image::Rgb([(x * 4) as u8, (y * 5) as u8, 128]));
    let mut plain = Vec::new();
    JpegEncoder::new_with_quality(&mut plain, 90)
        .write_image(&picture, 64, 48, image::ExtendedColorType::Rgb8)
        .unwrap();
    // EXIF: a big-endian TIFF header, IFD0 with Make (ASCII, after the IFD) and Orientation (SHORT 6).
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    let make_offset = 8 + 2 + 2 * 12 + 4;
    let mut make = CAMERA.to_vec();
    make.push(0);
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend_from_slice(&[0x01, 0x0f, 0, 2]);
    tiff.extend_from_slice(&(make.len() as u32).to_be_bytes());
    tiff.extend_from_slice(&(make_offset as u32).to_be_bytes());
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes());
    tiff.extend_from_slice(&make);
    let exif = [b"Exif\0\0".as_slice(), &tiff].concat();
    let xmp = [b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>".as_slice(), XMP, b"</x:xmpmeta>"].concat();
    let mut out = plain[..2].to_vec();
    for (marker, payload) in [(0xe1, &exif), (0xe1, &xmp), (0xfe, &COMMENT.to_vec())] {
        out.extend_from_slice(&[0xff, marker]);
        out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(payload);
    }
    out.extend_from_slice(&plain[2..]);
    out
}

/// A PNG with transparency and a tEXt chunk naming its author.
fn png_with_text() -> Vec<u8> {
    let picture = RgbaImage::from_fn(40, 30, |x, _| image::Rgba([200, 10, 10, if x < 20 { 255 } else { 0 }]));
    let mut plain = Vec::new();
    PngEncoder::new(&mut plain).write_image(&picture, 40, 30, image::ExtendedColorType::Rgba8).unwrap();
    let data = [b"Author\0".as_slice(), PNG_TEXT].concat();
    let chunk = png_chunk(b"tEXt", &data);
    // Before IEND, the last 12 bytes.
    let at = plain.len() - 12;
    [&plain[..at], &chunk, &plain[at..]].concat()
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    [&(data.len() as u32).to_be_bytes()[..], kind, data, &crc.sum().to_be_bytes()].concat()
}

/// A PNG that claims to be 1 pixel wide and a million tall, with all of its (zero) pixels: a few KB that
/// would decode to megabytes.
fn tall_png() -> Vec<u8> {
    use std::io::Write as _;
    let (width, height) = (1u32, 1_000_000u32);
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    zlib.write_all(&vec![0u8; 4 * height as usize]).unwrap();
    let idat = zlib.finish().unwrap();
    [
        b"\x89PNG\r\n\x1a\n".as_slice(),
        &png_chunk(b"IHDR", &ihdr),
        &png_chunk(b"IDAT", &idat),
        &png_chunk(b"IEND", &[]),
    ]
    .concat()
}

fn small_png(shade: u8) -> Vec<u8> {
    let picture = RgbImage::from_pixel(8, 8, image::Rgb([shade, shade, shade]));
    let mut out = Vec::new();
    PngEncoder::new(&mut out).write_image(&picture, 8, 8, image::ExtendedColorType::Rgb8).unwrap();
    out
}

async fn upload(app: &TestApp, client: &Client, bytes: Vec<u8>) -> Response {
    client.post(app.url("/images")).body(bytes).send().await.expect("upload")
}

/// Uploads a photo that must be accepted; its JSON (`key`, `width`, `height`).
async fn uploaded(app: &TestApp, client: &Client, bytes: Vec<u8>) -> Value {
    let response = upload(app, client, bytes).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{}", response.text().await.unwrap_or_default());
    response.json().await.expect("json")
}

fn key_of(image: &Value) -> String {
    format!("{}-{}", image["key"]["id"], image["key"]["digest"].as_str().expect("digest"))
}

fn id_of(image: &Value) -> i64 {
    image["key"]["id"].as_i64().expect("id")
}

async fn write_with_images(app: &TestApp, client: &Client, board: i64, title: &str, ids: &[i64]) -> Response {
    let board = board.to_string();
    let images = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let form = [
        ("board_id", board.as_str()),
        ("title", title),
        ("body", "사진 올려요"),
        ("images", images.as_str()),
    ];
    app.call(client, "posts/write", &form).await
}

async fn fetch(app: &TestApp, client: &Client, path: &str) -> Response {
    client.get(app.url(path)).send().await.expect("get")
}

async fn stored_blobs(app: &TestApp) -> Vec<Vec<u8>> {
    sqlx::query_scalar("SELECT bytes FROM image_blobs").fetch_all(app.db().pool()).await.expect("blobs")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_photo_is_stored_upright_with_none_of_its_metadata_and_the_original_is_never_kept() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let original = phone_jpeg();
    assert!(contains(&original, CAMERA) && contains(&original, XMP) && contains(&original, COMMENT));
    let image = uploaded(&app, &client, original.clone()).await;
    // Orientation 6 turns the 64 x 48 picture upright: 48 wide, 64 tall.
    assert_eq!((image["width"].as_i64(), image["height"].as_i64()), (Some(48), Some(64)));
    let png = uploaded(&app, &client, png_with_text()).await;

    let blobs = stored_blobs(&app).await;
    assert_eq!(blobs.len(), 4, "a full size and a thumbnail per photo, nothing else");
    for blob in &blobs {
        for marker in [CAMERA, XMP, COMMENT, PNG_TEXT, b"Exif".as_slice(), b"http://ns.adobe.com", b"tEXt"] {
            assert!(!contains(blob, marker), "{} survived", String::from_utf8_lossy(marker));
        }
        assert_ne!(blob, &original);
    }
    let served = fetch(&app, &client, &format!("/images/{}", key_of(&image))).await;
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    let served = served.bytes().await.unwrap();
    assert!(blobs.iter().any(|blob| blob[..] == served[..]), "what is served is what is stored");
    let decoded = image::load_from_memory(&served).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (48, 64));
    // Transparency is kept in the full size (PNG); the thumbnail is a JPEG on white.
    let full = fetch(&app, &client, &format!("/images/{}", key_of(&png))).await;
    assert_eq!(full.headers()["content-type"], "image/png");
    let thumb = fetch(&app, &client, &format!("/images/{}/thumb", key_of(&png))).await;
    assert_eq!(thumb.headers()["content-type"], "image/jpeg");
}

#[tokio::test(flavor = "multi_thread")]
async fn what_is_not_a_photo_a_bomb_or_too_big_is_refused_with_a_korean_message_and_nothing_is_stored() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let mut cut = phone_jpeg();
    cut.truncate(cut.len() / 3);
    let cases: [(Vec<u8>, StatusCode, &str); 6] = [
        (b"just some text, not a picture".to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "사진 파일이 아니에요"),
        (Vec::new(), StatusCode::UNPROCESSABLE_ENTITY, "사진 파일이 아니에요"),
        (b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "HEIC"),
        (tall_png(), StatusCode::UNPROCESSABLE_ENTITY, "10,000픽셀"),
        (cut, StatusCode::UNPROCESSABLE_ENTITY, "사진을 읽을 수 없어요"),
        (vec![0u8; 10 * 1024 * 1024 + 1], StatusCode::PAYLOAD_TOO_LARGE, "10MB"),
    ];
    for (bytes, status, message) in cases {
        let length = bytes.len();
        let response = upload(&app, &client, bytes).await;
        assert_eq!(response.status(), status, "{length} bytes");
        let error = error_json(response).await;
        assert!(error.to_string().contains(message), "{length} bytes: {error}");
    }
    assert!(stored_blobs(&app).await.is_empty());
    let rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM images").fetch_one(app.db().pool()).await.unwrap();
    assert_eq!(rows, 0);
    // A visitor cannot upload at all.
    assert_eq!(upload(&app, &new_client(), small_png(1)).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_post_shows_its_photos_in_order_to_its_school_and_its_list_entry_the_first_as_a_thumbnail() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let (_, classmate) = app.signed_up_student().await;
    let (_, stranger) = app.student_of(1).await;
    let board = app.board_id(&author, "free").await;
    let first = uploaded(&app, &author, small_png(10)).await;
    let second = uploaded(&app, &author, small_png(200)).await;
    // Before it is posted, an upload is its uploader's alone.
    let path = format!("/images/{}", key_of(&first));
    assert_eq!(fetch(&app, &author, &path).await.status(), StatusCode::OK);
    assert_eq!(fetch(&app, &classmate, &path).await.status(), StatusCode::NOT_FOUND);

    let response =
        write_with_images(&app, &author, board, "사진 두 장", &[id_of(&second), id_of(&first)]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let post_id: i64 = response.json().await.unwrap();
    let post = app.get_post(&classmate, post_id).await.unwrap();
    let keys: Vec<String> = post["images"].as_array().unwrap().iter().map(key_of).collect();
    assert_eq!(keys, [key_of(&second), key_of(&first)]);
    assert_eq!(post["images"][0]["width"], 8);
    let list = app.board_page(&classmate, board).await;
    let entry =
        list["page"]["posts"].as_array().unwrap().iter().find(|p| p["id"] == post_id).cloned().unwrap();
    assert_eq!(key_of(&serde_json::json!({ "key": entry["thumbnail"] })), key_of(&second));

    for size in ["", "/thumb"] {
        let path = format!("/images/{}{size}", key_of(&first));
        let served = fetch(&app, &classmate, &path).await;
        assert_eq!(served.status(), StatusCode::OK);
        assert_eq!(served.headers()["cache-control"], "private, max-age=31536000, immutable");
        assert_eq!(fetch(&app, &stranger, &path).await.status(), StatusCode::NOT_FOUND, "another school");
        assert_eq!(fetch(&app, &new_client(), &path).await.status(), StatusCode::UNAUTHORIZED);
    }
    let wrong_digest = format!("/images/{}-0000000000000000", id_of(&first));
    assert_eq!(fetch(&app, &classmate, &wrong_digest).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(fetch(&app, &classmate, "/images/not-a-key").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_posts_photos_stop_being_served_and_their_bytes_are_gone() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let (_, classmate) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let image = uploaded(&app, &author, small_png(50)).await;
    let response = write_with_images(&app, &author, board, "지울 사진", &[id_of(&image)]).await;
    let post_id: i64 = response.json().await.unwrap();
    let path = format!("/images/{}", key_of(&image));
    assert_eq!(fetch(&app, &classmate, &path).await.status(), StatusCode::OK);
    let deleted = app.call(&author, "posts/delete", &[("post_id", &post_id.to_string())]).await;
    assert_eq!(deleted.status(), StatusCode::OK);
    for client in [&author, &classmate] {
        assert_eq!(fetch(&app, client, &path).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(fetch(&app, client, &format!("{path}/thumb")).await.status(), StatusCode::NOT_FOUND);
    }
    assert!(stored_blobs(&app).await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn only_ones_own_waiting_uploads_attach_at_most_the_limit_and_a_refused_post_writes_nothing() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let (_, other) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let theirs = uploaded(&app, &other, small_png(1)).await;
    let mut mine = Vec::new();
    for shade in 0..11 {
        mine.push(id_of(&uploaded(&app, &author, small_png(shade * 20)).await));
    }
    let refusals = [
        (vec![id_of(&theirs)], "올린 사진을 찾을 수 없어요"),
        (vec![mine[0], 999_999], "올린 사진을 찾을 수 없어요"),
        (mine.clone(), "10장까지"),
        (vec![mine[0], mine[0]], "두 번"),
    ];
    for (ids, message) in refusals {
        let response = write_with_images(&app, &author, board, "거절될 글", &ids).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{ids:?}");
        assert!(error_json(response).await.to_string().contains(message), "{ids:?}");
    }
    let malformed = app
        .call(
            &author,
            "posts/write",
            &[("board_id", &board.to_string()), ("title", "t"), ("body", "b"), ("images", "1,x")],
        )
        .await;
    assert_eq!(malformed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let posts: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM posts").fetch_one(app.db().pool()).await.unwrap();
    assert_eq!(posts, 0, "a refused post leaves nothing behind");
    // The first photo attached by a refused post is free again.
    let response = write_with_images(&app, &author, board, "열 장", &mine[..10]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let again = write_with_images(&app, &author, board, "같은 사진 또", &[mine[0]]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "an upload goes on one post only");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_posts_racing_for_one_upload_attach_it_once() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let image = id_of(&uploaded(&app, &author, small_png(9)).await);
    let ids = [image];
    let (a, b) = tokio::join!(
        write_with_images(&app, &author, board, "첫째", &ids),
        write_with_images(&app, &author, board, "둘째", &ids),
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::UNPROCESSABLE_ENTITY]);
    let attached: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM images WHERE post_id IS NOT NULL")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    assert_eq!(attached, 1);
    let posts: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM posts").fetch_one(app.db().pool()).await.unwrap();
    assert_eq!(posts, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_anonymous_posts_photos_name_nobody() {
    let app = spawn_app().await;
    app.distinctive_user_ids().await;
    let (student, author) = app.signed_up_student().await;
    let (_, reader) = app.signed_up_student().await;
    let who = app.identifiers(&student, &author).await;
    let board = app.board_id(&author, "secret").await;
    let image = uploaded(&app, &author, phone_jpeg()).await;
    let response = write_with_images(&app, &author, board, "익명 사진", &[id_of(&image)]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let post_id: i64 = response.json().await.unwrap();
    let post = app.get_post(&reader, post_id).await.unwrap();
    assert_identifies_nobody(&post.to_string(), &[&who], "the post with its photos");
    let served = fetch(&app, &reader, &format!("/images/{}", key_of(&image))).await;
    let headers = format!("{:?}", served.headers());
    assert_identifies_nobody(&headers, &[&who], "the photo's headers");
    let bytes = served.bytes().await.unwrap();
    assert_identifies_nobody(&String::from_utf8_lossy(&bytes), &[&who], "the photo's bytes");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hidden_posts_photos_show_to_its_author_only_and_a_removed_posts_to_nobody() {
    let app = spawn_app_with(Settings { report_hide_threshold: Some(1), ..Default::default() }).await;
    let (_, author) = app.signed_up_student().await;
    let (_, classmate) = app.signed_up_student().await;
    let (admin, admin_client) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let image = uploaded(&app, &author, small_png(70)).await;
    let post: i64 =
        write_with_images(&app, &author, board, "신고될 사진", &[id_of(&image)]).await.json().await.unwrap();
    let path = format!("/images/{}", key_of(&image));
    let reported = app
        .call(
            &classmate,
            "reports/create",
            &[("target", "post"), ("target_id", &post.to_string()), ("reason", "abuse")],
        )
        .await;
    assert_eq!(reported.status(), StatusCode::OK, "{}", reported.text().await.unwrap_or_default());
    // Hidden pending review: its author still sees it, photos and all; the school does not.
    assert_eq!(fetch(&app, &author, &path).await.status(), StatusCode::OK);
    assert_eq!(fetch(&app, &classmate, &path).await.status(), StatusCode::NOT_FOUND);

    campus::server::db::users::set_admin(app.db(), &admin.username, true).await.expect("grant");
    assert_eq!(
        fetch(&app, &admin_client, &path).await.status(),
        StatusCode::OK,
        "admins review hidden posts"
    );
    let removed = app
        .call(
            &admin_client,
            "reports/moderate",
            &[("target", "post"), ("target_id", &post.to_string()), ("action", "remove")],
        )
        .await;
    assert_eq!(removed.status(), StatusCode::OK);
    for client in [&author, &classmate, &admin_client] {
        assert_eq!(fetch(&app, client, &path).await.status(), StatusCode::NOT_FOUND);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_student_keeps_at_most_three_posts_worth_of_uploads_waiting() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let board = app.board_id(&client, "free").await;
    let mut waiting = Vec::new();
    for shade in 0..30 {
        waiting.push(id_of(&uploaded(&app, &client, small_png(shade * 8)).await));
    }
    let refused = upload(&app, &client, small_png(255)).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(error_json(refused).await.to_string().contains("10장까지"));
    // Posting ten of them makes room for ten more.
    let posted = write_with_images(&app, &client, board, "열 장 올림", &waiting[..10]).await;
    assert_eq!(posted.status(), StatusCode::OK);
    uploaded(&app, &client, small_png(255)).await;
}
