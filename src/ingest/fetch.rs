//! Fetching articles from URLs, with a local cache.
//!
//! A page is fetched once and kept in the user's cache folder, so opening
//! the same comparison again is instant and works offline; `--refresh`
//! fetches again and `--offline` never touches the network. Requests carry
//! a User-Agent naming parallax, follow redirects (the final address is
//! recorded), honour the proxy environment variables (`HTTPS_PROXY`,
//! `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`), stop after a timeout and refuse
//! bodies over the size limit *after* decompression, so a small compressed
//! response cannot expand past it.

use super::IngestError;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The default network timeout (see `--timeout`).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The environment variable that overrides the cache folder.
pub const CACHE_DIR_ENV: &str = "PARALLAX_CACHE_DIR";

/// The User-Agent sent with every request.
pub const USER_AGENT: &str =
    concat!("parallax/", env!("CARGO_PKG_VERSION"), " (news article comparison; +https://crates.io/crates/parallax)");

/// Redirects followed before giving up.
const MAX_REDIRECTS: u32 = 10;

/// How the cache is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CacheMode {
    /// Use a cached copy when there is one, else fetch and cache.
    #[default]
    Prefer,
    /// Always fetch, then update the cache (`--refresh`).
    Refresh,
    /// Never fetch; a URL that is not cached is an error (`--offline`).
    Offline,
}

/// How URLs are fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// How the cache is used.
    pub cache: CacheMode,
    /// The cache folder; `None` means [`default_cache_dir`].
    pub cache_dir: Option<PathBuf>,
    /// Connect timeout and the longest wait for any read; the whole
    /// transfer may take four times as long.
    pub timeout: Duration,
    /// Bodies larger than this after decompression are refused.
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            cache: CacheMode::Prefer,
            cache_dir: None,
            timeout: DEFAULT_TIMEOUT,
            max_bytes: super::DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// A page as fetched (or as cached when it was fetched).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The body, decompressed.
    pub body: Vec<u8>,
    /// The address after redirects.
    pub final_url: String,
    /// When it was fetched (RFC 3339, UTC, whole seconds).
    pub fetched_at: String,
    /// The `Content-Type` header, when sent.
    pub content_type: Option<String>,
    /// True when it came from the cache.
    pub from_cache: bool,
}

/// True for an argument that names a web address rather than a file.
#[must_use]
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The cache folder: `$PARALLAX_CACHE_DIR` when set, else `pages` in the
/// user's cache folder (`~/.cache/parallax` on Linux, `~/Library/Caches/parallax`
/// on macOS, `%LOCALAPPDATA%\parallax\cache` on Windows).
#[must_use]
pub fn default_cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "parallax").map(|dirs| dirs.cache_dir().join("pages"))
}

/// Fetches a URL, or reads it from the cache as `options.cache` says.
/// A corrupt cache entry is set aside and reported in `warnings` (one line
/// each), and the page fetched again.
///
/// # Errors
/// [`IngestError::Fetch`] with a one-line reason (HTTP status, timeout,
/// connection failure, size limit, not cached while offline).
pub fn fetch(url: &str, options: &FetchOptions, warnings: &mut Vec<String>) -> Result<Fetched, IngestError> {
    // The fragment is never sent to the server and does not change the page.
    let url = url.split('#').next().unwrap_or(url);
    let cache = options.cache_dir.clone().or_else(default_cache_dir).map(Cache::new);
    let mut corrupt = false;
    if options.cache != CacheMode::Refresh
        && let Some(cache) = &cache
    {
        match cache.read(url) {
            Cached::Hit(cached) => return Ok(cached),
            Cached::Miss => {}
            Cached::Corrupt(warning) => {
                warnings.push(warning);
                corrupt = true;
            }
        }
    }
    if options.cache == CacheMode::Offline {
        let reason = if corrupt { "the cached copy is corrupt" } else { "not in the cache" };
        return Err(IngestError::Fetch(format!("{reason}, and --offline forbids fetching it")));
    }
    let fetched = download(url, options)?;
    if let Some(cache) = &cache {
        // A cache that cannot be written only costs a fetch next time.
        let _ = cache.write(url, &fetched);
    }
    Ok(fetched)
}

fn download(url: &str, options: &FetchOptions) -> Result<Fetched, IngestError> {
    let config = ureq::Agent::config_builder()
        .timeout_connect(Some(options.timeout))
        .timeout_per_read(Some(options.timeout))
        .timeout_global(Some(options.timeout.saturating_mul(4)))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .accept("text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.9,*/*;q=0.5")
        .proxy(proxy_for(url))
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let mut response = agent.get(url).call().map_err(|e| describe(&e, options))?;
    let status = response.status();
    if !status.is_success() {
        let reason = status.canonical_reason().map(|r| format!(" {r}")).unwrap_or_default();
        return Err(IngestError::Fetch(format!("HTTP {}{reason}", status.as_u16())));
    }
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(|v| v.trim().to_owned());
    // The limit counts decompressed bytes, so a gzip bomb stops at the limit.
    let body =
        response.body_mut().with_config().limit(options.max_bytes).read_to_vec().map_err(|e| describe(&e, options))?;
    Ok(Fetched { body, final_url, fetched_at: now_rfc3339(), content_type, from_cache: false })
}

/// The proxy from the environment, except for this machine's own addresses
/// (a local test server or development site is never behind the proxy).
fn proxy_for(url: &str) -> Option<ureq::Proxy> {
    let host = url.parse::<ureq::http::Uri>().ok().and_then(|uri| uri.host().map(str::to_owned)).unwrap_or_default();
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host.parse::<std::net::IpAddr>().is_ok_and(|address| address.is_loopback());
    if loopback { None } else { ureq::Proxy::try_from_env() }
}

/// A one-line reason for a failed request.
fn describe(error: &ureq::Error, options: &FetchOptions) -> IngestError {
    let reason = match error {
        ureq::Error::Timeout(_) => format!("timed out after {} s", options.timeout.as_secs_f64()),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            format!("timed out after {} s", options.timeout.as_secs_f64())
        }
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::ConnectionFailed => "cannot connect".into(),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "cannot connect: connection refused".into()
        }
        ureq::Error::Io(io) => format!("network error: {io}"),
        ureq::Error::BodyExceedsLimit(limit) => {
            format!("the page is over the {limit}-byte limit (after decompression; raise it with --max-input-size)")
        }
        ureq::Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        ureq::Error::BadUri(uri) => format!("not a valid URL: {uri}"),
        other => other.to_string(),
    };
    IngestError::Fetch(reason)
}

/// Now, as RFC 3339 in UTC to the second ("2026-05-12T09:40:00Z").
fn now_rfc3339() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second()).unwrap_or(now).to_string()
}

/// What the cache keeps next to a page's body.
#[derive(Debug, Serialize, Deserialize)]
struct CacheEntry {
    url: String,
    final_url: String,
    fetched_at: String,
    content_type: Option<String>,
    bytes: u64,
    sha256: String,
}

/// The name of a URL's files in the cache (`<key>.json`, `<key>.body`):
/// the SHA-256 of the address, in hex.
#[must_use]
pub fn cache_key(url: &str) -> String {
    super::sha256_hex(url.as_bytes())
}

/// What the cache holds for an address.
enum Cached {
    /// A complete, intact page.
    Hit(Fetched),
    /// Nothing.
    Miss,
    /// A damaged entry, now set aside; the one-line warning says where.
    Corrupt(String),
}

/// The page cache: `<sha256 of the URL>.body` holds the bytes and
/// `<sha256 of the URL>.json` the entry, written after the body (each
/// atomically), so an entry always describes a complete body.
struct Cache {
    dir: PathBuf,
}

impl Cache {
    fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    fn paths(&self, url: &str) -> (PathBuf, PathBuf) {
        let key = cache_key(url);
        (self.dir.join(format!("{key}.body")), self.dir.join(format!("{key}.json")))
    }

    /// The cached page: a hit when the entry and its body are complete and
    /// intact, a miss when there is no entry, and when the entry is there
    /// but damaged (unreadable, not JSON, a body missing or not the one it
    /// describes), both files are renamed aside to `<name>.corrupt` — kept
    /// for a look, never silently dropped — and the warning says so.
    fn read(&self, url: &str) -> Cached {
        let (body_path, entry_path) = self.paths(url);
        let entry_bytes = match std::fs::read(&entry_path) {
            Ok(bytes) => bytes,
            // No entry: never cached, or a write stopped between the body
            // and the entry (the body alone is not trusted).
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Cached::Miss,
            Err(error) => return self.set_aside(&entry_path, &body_path, &format!("cannot read it: {error}")),
        };
        let entry: CacheEntry = match serde_json::from_slice(&entry_bytes) {
            Ok(entry) => entry,
            Err(error) => return self.set_aside(&entry_path, &body_path, &format!("not a cache entry: {error}")),
        };
        let body = match std::fs::read(&body_path) {
            Ok(body) => body,
            Err(error) => return self.set_aside(&entry_path, &body_path, &format!("its page is missing: {error}")),
        };
        let problem = if entry.url != url {
            Some("it is for another address")
        } else if entry.bytes != body.len() as u64 {
            Some("its page has the wrong size")
        } else if entry.sha256 != super::sha256_hex(&body) {
            Some("its page does not match its checksum")
        } else {
            None
        };
        if let Some(problem) = problem {
            return self.set_aside(&entry_path, &body_path, problem);
        }
        Cached::Hit(Fetched {
            body,
            final_url: entry.final_url,
            fetched_at: entry.fetched_at,
            content_type: entry.content_type,
            from_cache: true,
        })
    }

    /// Renames a damaged entry and its body to `<name>.corrupt`.
    fn set_aside(&self, entry_path: &Path, body_path: &Path, problem: &str) -> Cached {
        let aside = |path: &Path| {
            let mut name = path.as_os_str().to_owned();
            name.push(".corrupt");
            let target = PathBuf::from(name);
            std::fs::rename(path, &target).map(|()| target)
        };
        let entry_aside = aside(entry_path);
        // The body may be missing: that is part of the damage, not news.
        let _ = aside(body_path);
        let shown = entry_path.display();
        Cached::Corrupt(match entry_aside {
            Ok(target) => format!(
                "page cache entry {shown} is corrupt ({problem}): set aside as {}; fetching the page again",
                target.display()
            ),
            Err(error) => format!(
                "page cache entry {shown} is corrupt ({problem}) and cannot be set aside ({error}); fetching the page again"
            ),
        })
    }

    fn write(&self, url: &str, fetched: &Fetched) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let (body_path, entry_path) = self.paths(url);
        let entry = CacheEntry {
            url: url.to_owned(),
            final_url: fetched.final_url.clone(),
            fetched_at: fetched.fetched_at.clone(),
            content_type: fetched.content_type.clone(),
            bytes: fetched.body.len() as u64,
            sha256: super::sha256_hex(&fetched.body),
        };
        write_atomic(&self.dir, &body_path, &fetched.body)?;
        let json = serde_json::to_vec_pretty(&entry).map_err(std::io::Error::other)?;
        write_atomic(&self.dir, &entry_path, &json)
    }
}

/// Writes a file through a temporary file in the same folder and a rename,
/// so readers never see half a file.
fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://courier.example/a"));
        assert!(is_url("HTTP://courier.example/a"));
        assert!(!is_url("https.txt"));
        assert!(!is_url("folder/http://x"));
        assert!(!is_url("ftp://courier.example/a"));
    }

    #[test]
    fn loopback_hosts_bypass_the_proxy() {
        assert!(proxy_for("http://127.0.0.1:8080/a").is_none());
        assert!(proxy_for("http://localhost/a").is_none());
        assert!(proxy_for("http://[::1]:80/a").is_none());
    }

    #[test]
    fn cache_round_trip_and_damage() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(dir.path().join("pages"));
        let fetched = Fetched {
            body: b"<p>page</p>".to_vec(),
            final_url: "https://b.example/".into(),
            fetched_at: "2026-05-12T09:40:00Z".into(),
            content_type: Some("text/html; charset=utf-8".into()),
            from_cache: false,
        };
        assert!(matches!(cache.read("https://a.example/"), Cached::Miss));
        cache.write("https://a.example/", &fetched).expect("cache write");
        let Cached::Hit(read) = cache.read("https://a.example/") else { panic!("cached") };
        assert_eq!(read, Fetched { from_cache: true, ..fetched });
        // A damaged body is not served: both files are set aside, named in the warning.
        let (body, entry) = cache.paths("https://a.example/");
        std::fs::write(&body, b"<p>tampered</p>").expect("write");
        let Cached::Corrupt(warning) = cache.read("https://a.example/") else { panic!("corrupt") };
        let entry_aside = format!("{}.corrupt", entry.display());
        assert_eq!(
            warning,
            format!(
                "page cache entry {} is corrupt (its page has the wrong size): set aside as {entry_aside}; \
                 fetching the page again",
                entry.display()
            )
        );
        assert!(!entry.exists() && !body.exists());
        assert!(Path::new(&entry_aside).exists() && Path::new(&format!("{}.corrupt", body.display())).exists());
        assert!(matches!(cache.read("https://a.example/"), Cached::Miss), "set aside, the entry is gone");
    }

    #[test]
    fn an_entry_that_is_not_json_is_set_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(dir.path().to_path_buf());
        let (_, entry) = cache.paths("https://a.example/");
        std::fs::write(&entry, b"{\"url\": \"https://a.exa").expect("write");
        let Cached::Corrupt(warning) = cache.read("https://a.example/") else { panic!("corrupt") };
        assert!(warning.contains("is corrupt (not a cache entry: EOF while parsing"), "{warning}");
        assert!(Path::new(&format!("{}.corrupt", entry.display())).exists());
    }

    #[test]
    fn timestamps_are_whole_seconds_in_utc() {
        let now = now_rfc3339();
        assert!(now.ends_with('Z') && now.len() == 20, "{now}");
        assert!(now.parse::<jiff::Timestamp>().is_ok());
    }
}
