//! Where photo bytes live: one small trait, and the implementation Campus runs, in the database.
//!
//! Why the database. The same deployment must work as one embedded server and as many app servers on one
//! PostgreSQL. In the database, every app server reads every photo with nothing more to set up or mount (a
//! directory would have to be a network file system shared by all servers, kept consistent and backed up
//! on its own); the embedded mode's backup (`db::backup`) carries the photos with the posts; and a photo's
//! bytes go with its row. The cost is database size: photos are re-encoded to at most 2,048 pixels (a few
//! hundred KB each) and served with a year's caching, so each is read from the database about once per
//! student. A deployment that outgrows it implements [`ImageStore`] over object storage and changes nothing
//! else.
//!
//! The store never runs inside a caller's transaction: on SQLite a put waits for the write turn, which a
//! caller holding a transaction would never give up.

use futures::future::BoxFuture;

use crate::error::AppError;
use crate::server::db::Db;

/// Bytes by key. Keys are ASCII (`<image id>/full`, `<image id>/thumb`); a put of an existing key replaces it.
pub trait ImageStore: Send + Sync {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> BoxFuture<'a, Result<(), AppError>>;
    fn get<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<Vec<u8>>, AppError>>;
    fn delete<'a>(&'a self, keys: &'a [String]) -> BoxFuture<'a, Result<(), AppError>>;
}

/// The `image_blobs` table.
pub struct DbImageStore(pub Db);

impl ImageStore for DbImageStore {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(async move {
            let mut tx = self.0.begin_write().await?;
            sqlx::query("DELETE FROM image_blobs WHERE key = $1").bind(key).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO image_blobs (key, bytes) VALUES ($1, $2)")
                .bind(key)
                .bind(bytes)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<Vec<u8>>, AppError>> {
        Box::pin(async move {
            Ok(sqlx::query_scalar("SELECT bytes FROM image_blobs WHERE key = $1")
                .bind(key)
                .fetch_optional(self.0.pool())
                .await?)
        })
    }

    fn delete<'a>(&'a self, keys: &'a [String]) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(async move {
            if keys.is_empty() {
                return Ok(());
            }
            let mut tx = self.0.begin_write().await?;
            for key in keys {
                sqlx::query("DELETE FROM image_blobs WHERE key = $1").bind(key).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }
}

/// The keys of an image's two sizes.
pub fn keys_of(image_id: i64) -> [String; 2] {
    [full_key(image_id), thumb_key(image_id)]
}

pub fn full_key(image_id: i64) -> String {
    format!("{image_id}/full")
}

pub fn thumb_key(image_id: i64) -> String {
    format!("{image_id}/thumb")
}
