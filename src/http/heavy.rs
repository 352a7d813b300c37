//! Heavy reads (whole-programme downloads): fewer at once than the pool has connections, each
//! streamed from a snapshot of its own under a send deadline, so that neither many downloads nor
//! one slow reader can hold the database or grow the server's memory.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use actix_web::web::Bytes;
use futures_util::Stream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};
use tokio::time::Instant;

use crate::http::error::ApiError;

/// How many chunks a download may have ready before its reader takes them: a download holds at
/// most this many batches of records in memory, whatever its size.
const READY_CHUNKS: usize = 2;

pub struct HeavyReads {
    permits: Arc<Semaphore>,
    wait: Duration,
    deadline: Duration,
}

/// What a download's producer sends its body.
pub struct Chunks(mpsc::Sender<Chunk>);

enum Chunk {
    Bytes(Bytes),
    End,
}

/// The producer's reader went away (the client closed the connection).
#[derive(Debug, thiserror::Error)]
#[error("the reader went away")]
pub struct Gone;

/// How much of a file is sent per chunk.
const FILE_CHUNK: usize = 64 * 1024;

impl Chunks {
    pub async fn send(&self, bytes: impl Into<Bytes>) -> Result<(), Gone> {
        self.0.send(Chunk::Bytes(bytes.into())).await.map_err(|_| Gone)
    }

    /// Sends `file` from its start, a chunk at a time.
    pub async fn send_file(&self, file: std::fs::File) -> Result<(), std::io::Error> {
        use tokio::io::{AsyncReadExt, AsyncSeekExt};
        let mut file = tokio::fs::File::from_std(file);
        file.seek(std::io::SeekFrom::Start(0)).await?;
        loop {
            let mut buffer = vec![0; FILE_CHUNK];
            let read = file.read(&mut buffer).await?;
            if read == 0 {
                return Ok(());
            }
            buffer.truncate(read);
            self.send(buffer).await.map_err(std::io::Error::other)?;
        }
    }

    /// Whether the reader went away: there is no point making more.
    pub fn is_closed(&self) -> bool {
        self.0.is_closed()
    }

    /// The body is complete: only after this does it end as a whole response. Returns when the
    /// reader has taken the last chunk, so that the producer (and what it holds: its permit)
    /// lasts, under its deadline, until the last byte is handed to the connection.
    pub async fn end(self) -> Result<(), Gone> {
        self.0.send(Chunk::End).await.map_err(|_| Gone)?;
        self.0.closed().await;
        Ok(())
    }
}

impl HeavyReads {
    /// `permits` downloads at once; a request waits at most `wait` for one; a download must be
    /// sent within `deadline`.
    pub fn new(permits: usize, wait: Duration, deadline: Duration) -> HeavyReads {
        HeavyReads { permits: Arc::new(Semaphore::new(permits)), wait, deadline }
    }

    /// A permit, or 503 with `Retry-After` when none frees up within the wait.
    pub async fn permit(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        match tokio::time::timeout(self.wait, Arc::clone(&self.permits).acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(ApiError::Busy(crate::i18n::Message::new("downloads-busy"))),
        }
    }

    /// A response body fed by `produce`, run on a task of its own (holding, through what it
    /// captures, the snapshot and the permit). At most `READY_CHUNKS` chunks wait for the reader.
    /// When the deadline passes, or `produce` fails, before it has called [`Chunks::end`], the
    /// task is stopped (its snapshot and permit released) and the body ends in an error, so the
    /// client sees a broken transfer, never a 200 that looks complete.
    pub fn stream<F, Fut, E>(&self, produce: F) -> impl Stream<Item = Result<Bytes, actix_web::Error>> + use<F, Fut, E>
    where
        F: FnOnce(Chunks) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), E>> + Send + 'static,
        E: std::fmt::Display + Send + 'static,
    {
        let (sender, receiver) = mpsc::channel(READY_CHUNKS);
        let deadline = Instant::now() + self.deadline;
        tokio::spawn(async move {
            match tokio::time::timeout_at(deadline, produce(Chunks(sender))).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "a download stopped before its end"),
                Err(_) => tracing::warn!("a download was not read within its deadline; stopped"),
            }
        });
        futures_util::stream::unfold(Some(receiver), |receiver| async move {
            let mut receiver = receiver?;
            match receiver.recv().await {
                Some(Chunk::Bytes(bytes)) => Some((Ok(bytes), Some(receiver))),
                Some(Chunk::End) => None,
                None => {
                    let cut = std::io::Error::other("the download stopped before its end");
                    Some((Err(actix_web::error::ErrorInternalServerError(cut)), None))
                }
            }
        })
    }
}
