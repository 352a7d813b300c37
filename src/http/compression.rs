//! Bodies compressed once: the cache keeps each body in every coding, each made once per data
//! version, off the async workers, a bounded number at a time.

use std::io::Write;
use std::sync::LazyLock;

use actix_web::web::Bytes;
use tokio::sync::Semaphore;

use super::negotiation::Coding;

/// How many bodies are compressed at once, process-wide. Each brotli compression holds its
/// window and hash tables (a few MB at the settings below), so this bounds what compression can
/// hold whatever the clients ask; a request past it waits for a turn.
const CONCURRENT: usize = 2;

/// Brotli's quality and window (log2 bytes): 9 and 1 MiB, the largest body the cache keeps. A
/// body is compressed once per version and then served many times, so a slower, smaller setting
/// than actix's per-response one (quality 3, 4 MiB window) pays off; the window is no larger
/// than a kept body can use.
const BROTLI_QUALITY: u32 = 9;
const BROTLI_WINDOW: u32 = 20;
/// zstd's level: 9 is about brotli 9's ratio at a fraction of the time.
const ZSTD_LEVEL: i32 = 9;

static TURNS: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(CONCURRENT));

/// `body` in `coding`, compressed on the blocking pool when its turn comes.
pub async fn compress(body: Bytes, coding: Coding) -> std::io::Result<Bytes> {
    if coding == Coding::Identity {
        return Ok(body);
    }
    let _turn = TURNS.acquire().await.map_err(std::io::Error::other)?;
    actix_web::rt::task::spawn_blocking(move || encode(&body, coding)).await.map_err(std::io::Error::other)?
}

/// `body` in `coding`, here and now (CPU work: call it off the async workers).
pub fn encode(body: &[u8], coding: Coding) -> std::io::Result<Bytes> {
    let out = match coding {
        Coding::Identity => body.to_vec(),
        Coding::Gzip => {
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            encoder.write_all(body)?;
            encoder.finish()?
        }
        Coding::Br => {
            let mut out = Vec::new();
            {
                let mut writer = brotli::CompressorWriter::new(&mut out, 32 * 1024, BROTLI_QUALITY, BROTLI_WINDOW);
                writer.write_all(body)?;
                writer.flush()?;
            }
            out
        }
        Coding::Zstd => zstd::bulk::compress(body, ZSTD_LEVEL)?,
    };
    // Exactly the bytes: the encoders' buffers grow by doubling, which the cache would not weigh.
    Ok(Bytes::copy_from_slice(&out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn every_coding_decodes_to_the_body() {
        let body = "{\"programme_id\":\"2016-2020\",\"notes\":[\"Tổng kinh phí 41.306,53 triệu đồng\"]}".repeat(200);
        let gzip = encode(body.as_bytes(), Coding::Gzip).unwrap();
        let mut plain = String::new();
        flate2::read::GzDecoder::new(&gzip[..]).read_to_string(&mut plain).unwrap();
        assert_eq!(plain, body);
        let br = encode(body.as_bytes(), Coding::Br).unwrap();
        let mut plain = String::new();
        brotli::Decompressor::new(&br[..], 4096).read_to_string(&mut plain).unwrap();
        assert_eq!(plain, body);
        let zstd = encode(body.as_bytes(), Coding::Zstd).unwrap();
        assert_eq!(zstd::decode_all(&zstd[..]).unwrap(), body.as_bytes());
        assert!(br.len() < body.len() / 10 && gzip.len() < body.len() / 10 && zstd.len() < body.len() / 10);
    }
}
