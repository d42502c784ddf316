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

/// The cache folder when none is given: `pages` in the user's cache folder
/// (`~/.cache/parallax` on Linux, `~/Library/Caches/parallax` on macOS,
/// `%LOCALAPPDATA%\parallax\cache` on Windows). `$PARALLAX_CACHE_DIR` is
/// read by the command line, which passes it as `cache_dir`.
#[must_use]
pub fn default_cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "parallax").map(|dirs| dirs.cache_dir().join("pages"))
}

/// Fetches a URL, or reads it from the cache as `options.cache` says.
/// A corrupt cache entry is set aside and reported in `warnings` (one line
/// each), and the page fetched again; so is a cache that cannot be used
/// (not a folder, not writable). A user name and password in the URL are
/// sent (HTTP Basic) and never kept: the cache and the result hold the
/// URL without them.
///
/// # Errors
/// [`IngestError::Fetch`] with a one-line reason (HTTP status, timeout,
/// connection failure, size limit, not cached while offline).
pub fn fetch(url: &str, options: &FetchOptions, warnings: &mut Vec<String>) -> Result<Fetched, IngestError> {
    // The fragment is never sent to the server and does not change the page.
    let url = url.split('#').next().unwrap_or(url);
    check_url(url)?;
    let cache = options.cache_dir.clone().or_else(default_cache_dir).and_then(|dir| Cache::open(dir, warnings));
    let mut corrupt = false;
    if options.cache != CacheMode::Refresh
        && let Some(cache) = &cache
    {
        match cache.read(url, options.max_bytes) {
            Cached::Hit(cached) => return Ok(cached),
            Cached::Miss => {}
            Cached::Refused(error) => return Err(error),
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
    if let Some(cache) = &cache
        && let Err(error) = cache.write(url, &fetched)
    {
        // A cache that cannot be written only costs a fetch next time: say so.
        warnings.push(format!(
            "cannot keep the page in the page cache {} ({}); it will be fetched again next time",
            cache.dir.display(),
            super::read::os_reason(&error)
        ));
    }
    Ok(fetched)
}

/// The URL as shown and stored: without the user name and password it may
/// carry (`http://user:secret@host/a` → `http://host/a`).
#[must_use]
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else { return url.to_owned() };
    let start = scheme_end + 3;
    let end = url[start..].find(['/', '?', '#']).map_or(url.len(), |p| start + p);
    match url[start..end].rfind('@') {
        Some(at) => format!("{}{}", &url[..start], &url[start + at + 1..]),
        None => url.to_owned(),
    }
}

/// What makes two URLs the same page: scheme and host in lower case,
/// without a default port, credentials or fragment, `/` for an empty path.
#[must_use]
pub fn url_identity(url: &str) -> String {
    let url = redact_url(url);
    let url = url.split('#').next().unwrap_or_default();
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let scheme = scheme.to_ascii_lowercase();
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = rest[..authority_end].to_ascii_lowercase();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let authority = authority.strip_suffix(default_port).unwrap_or(&authority);
    let path = &rest[authority_end..];
    let slash = if path.starts_with('/') { "" } else { "/" };
    format!("{scheme}://{authority}{slash}{path}")
}

/// The user name and password in a URL, percent-decoded.
fn credentials(url: &str) -> Option<(String, String)> {
    let (_, rest) = url.split_once("://")?;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let (userinfo, _) = authority.rsplit_once('@')?;
    let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
    Some((percent_decode(user), percent_decode(password)))
}

/// Scheme, host and port: where credentials given for one address may
/// also be sent after a redirect.
fn origin(url: &str) -> String {
    let identity = url_identity(url);
    let after_scheme = identity.find("://").map_or(0, |p| p + 3);
    let end = identity[after_scheme..].find('/').map_or(identity.len(), |p| after_scheme + p);
    identity[..end].to_owned()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(high), Some(low)) =
                (bytes.get(i + 1).and_then(|b| hex(*b)), bytes.get(i + 2).and_then(|b| hex(*b)))
        {
            out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `Basic <base64 of user:password>`.
fn basic_auth(user: &str, password: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let input = format!("{user}:{password}");
    let mut out = String::from("Basic ");
    for chunk in input.as_bytes().chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Refuses what is not a fetchable web address before any connection is
/// tried: a port out of range would otherwise read as "connection refused".
fn check_url(url: &str) -> Result<(), IngestError> {
    let shown = redact_url(url);
    let invalid = |why: String| Err(IngestError::Fetch(format!("not a valid URL: {why}")));
    let Some((scheme, rest)) = shown.split_once("://") else { return invalid("no scheme".into()) };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return invalid(format!("{scheme}: is not a web address (only http and https)"));
    }
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host_end = if authority.starts_with('[') { authority.find(']').map_or(authority.len(), |p| p + 1) } else { 0 };
    if let Some((host, port)) =
        authority[host_end..].rsplit_once(':').map(|(h, p)| (&authority[..host_end + h.len()], p))
    {
        if !port.is_empty() && !matches!(port.parse::<u16>(), Ok(1..)) {
            return invalid(format!("port {port} is out of range (1 to 65535)"));
        }
        if host.is_empty() {
            return invalid("no host".into());
        }
    } else if authority.is_empty() {
        return invalid("no host".into());
    }
    Ok(())
}

/// Where a `Location` header leads from `base`; only http and https are
/// followed (a `file:` or `javascript:` target is refused by name).
fn resolve_location(base: &str, location: &str) -> Result<String, IngestError> {
    let location = location.trim();
    let scheme = location.split_once(':').map(|(s, _)| s).filter(|s| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if let Some(scheme) = scheme {
        let lower = scheme.to_ascii_lowercase();
        if lower != "http" && lower != "https" {
            return Err(IngestError::Fetch(format!(
                "redirected to a {lower}: address, which is not a web page (only http and https redirects are followed)"
            )));
        }
        return Ok(location.to_owned());
    }
    let Some((base_scheme, rest)) = base.split_once("://") else { return Ok(location.to_owned()) };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = &base[..base_scheme.len() + 3 + authority_end];
    let path_and_query = rest[authority_end..].split('#').next().unwrap_or_default();
    let path = path_and_query.split('?').next().unwrap_or_default();
    Ok(if location.starts_with("//") {
        format!("{base_scheme}:{location}")
    } else if location.starts_with('/') {
        format!("{origin}{location}")
    } else if location.starts_with('?') {
        format!("{origin}{path}{location}")
    } else if location.is_empty() || location.starts_with('#') {
        format!("{origin}{path_and_query}")
    } else {
        let folder = path.rfind('/').map_or("/", |p| &path[..=p]);
        format!("{origin}{folder}{location}")
    })
}

fn download(url: &str, options: &FetchOptions) -> Result<Fetched, IngestError> {
    let started = std::time::Instant::now();
    let whole = options.timeout.saturating_mul(4);
    let config = ureq::Agent::config_builder()
        .timeout_connect(Some(options.timeout))
        .timeout_per_read(Some(options.timeout))
        // Redirects are followed here, so each target is checked and shown
        // without credentials.
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .accept("text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.9,*/*;q=0.5")
        .proxy(proxy_for(url))
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let given_origin = origin(url);
    let given_credentials = credentials(url);
    let mut target = url.to_owned();
    for _ in 0..=MAX_REDIRECTS {
        check_url(&target)?;
        let shown = redact_url(&target);
        let remaining = whole.saturating_sub(started.elapsed());
        if remaining.is_zero() {
            return Err(whole_transfer_timeout(options));
        }
        // Credentials go where they were given: the address itself, or the
        // same scheme, host and port after a redirect.
        let login =
            credentials(&target).or_else(|| given_credentials.clone().filter(|_| origin(&target) == given_origin));
        let mut request = agent.get(&shown).config().timeout_global(Some(remaining)).build();
        if let Some((user, password)) = &login {
            request = request.header("Authorization", basic_auth(user, password));
        }
        let mut response = request.call().map_err(|e| describe(&e, options))?;
        let status = response.status();
        if status.is_redirection() && status.as_u16() != 304 {
            let Some(location) = response.headers().get("location").and_then(|v| v.to_str().ok()) else {
                return Err(IngestError::Fetch(format!("HTTP {} redirect without a Location", status.as_u16())));
            };
            target = resolve_location(&shown, location)?;
            continue;
        }
        if !status.is_success() {
            let reason = status.canonical_reason().map(|r| format!(" {r}")).unwrap_or_default();
            return Err(IngestError::Fetch(format!("HTTP {}{reason}", status.as_u16())));
        }
        let content_type =
            response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(|v| v.trim().to_owned());
        // The limit counts decompressed bytes, so a gzip bomb stops at the limit.
        let body = response
            .body_mut()
            .with_config()
            .limit(options.max_bytes)
            .read_to_vec()
            .map_err(|e| describe(&e, options))?;
        return Ok(Fetched { body, final_url: shown, fetched_at: now_rfc3339(), content_type, from_cache: false });
    }
    Err(IngestError::Fetch(format!("more than {MAX_REDIRECTS} redirects")))
}

fn whole_transfer_timeout(options: &FetchOptions) -> IngestError {
    IngestError::Fetch(format!(
        "gave up after {} s: the whole transfer, redirects included, may take 4 × --timeout ({} s)",
        options.timeout.saturating_mul(4).as_secs_f64(),
        options.timeout.as_secs_f64()
    ))
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
    let seconds = options.timeout.as_secs_f64();
    let reason = match error {
        ureq::Error::Timeout(ureq::Timeout::Global) => return whole_transfer_timeout(options),
        ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
            format!("cannot connect within {seconds} s (--timeout)")
        }
        ureq::Error::Timeout(_) => format!("no data for {seconds} s (--timeout)"),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            format!("no data for {seconds} s (--timeout)")
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
/// the SHA-256 of the address as [`url_identity`] writes it, in hex (so no
/// credentials, and one entry for every spelling of the same address).
#[must_use]
pub fn cache_key(url: &str) -> String {
    super::sha256_hex(url_identity(url).as_bytes())
}

/// What the cache holds for an address.
enum Cached {
    /// A complete, intact page.
    Hit(Fetched),
    /// Nothing.
    Miss,
    /// A damaged entry, now set aside; the one-line warning says where.
    Corrupt(String),
    /// An intact entry that may not be used (over the size limit).
    Refused(IngestError),
}

/// The largest cache entry (the JSON beside a page) read.
const MAX_ENTRY_BYTES: u64 = 1024 * 1024;

/// How long a cache file that is not a regular file (a FIFO put in its
/// place) is waited for.
const CACHE_WAIT: Duration = Duration::from_secs(2);

/// The page cache: `<sha256 of the URL>.body` holds the bytes and
/// `<sha256 of the URL>.json` the entry, written after the body (each
/// atomically), so an entry always describes a complete body.
struct Cache {
    dir: PathBuf,
}

impl Cache {
    #[cfg(test)]
    fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The cache in `dir`, or `None` with a warning when `dir` is there
    /// but is not a folder (then every entry would read as corrupt).
    fn open(dir: PathBuf, warnings: &mut Vec<String>) -> Option<Self> {
        match std::fs::metadata(&dir) {
            Ok(metadata) if !metadata.is_dir() => {
                warnings.push(format!(
                    "the page cache {} is not a folder: pages are neither read from nor kept in it",
                    dir.display()
                ));
                None
            }
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                warnings.push(format!(
                    "cannot use the page cache {} ({}): pages are neither read from nor kept in it",
                    dir.display(),
                    super::read::os_reason(&error)
                ));
                None
            }
            // Missing: made when the first page is kept.
            _ => Some(Self { dir }),
        }
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
    fn read(&self, url: &str, max_bytes: u64) -> Cached {
        let (body_path, entry_path) = self.paths(url);
        let entry_bytes = match super::read_capped(&entry_path, MAX_ENTRY_BYTES, CACHE_WAIT) {
            Ok(bytes) => bytes,
            // No entry: never cached, or a write stopped between the body
            // and the entry (the body alone is not trusted).
            Err(IngestError::NotFound) => return Cached::Miss,
            Err(error) => return self.set_aside(&entry_path, &body_path, &format!("cannot read it: {error}")),
        };
        let entry: CacheEntry = match serde_json::from_slice(&entry_bytes) {
            Ok(entry) => entry,
            Err(error) => return self.set_aside(&entry_path, &body_path, &format!("not a cache entry: {error}")),
        };
        if entry.bytes > max_bytes {
            return Cached::Refused(IngestError::TooLarge { size: entry.bytes, limit: max_bytes });
        }
        let body = match super::read_capped(&body_path, max_bytes, CACHE_WAIT) {
            Ok(body) => body,
            Err(error @ (IngestError::NotFound | IngestError::BrokenLink)) => {
                return self.set_aside(&entry_path, &body_path, &format!("its page is missing: {error}"));
            }
            Err(error) => return self.set_aside(&entry_path, &body_path, &format!("cannot read its page: {error}")),
        };
        let problem = if entry.url != url_identity(url) {
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
            url: url_identity(url),
            final_url: fetched.final_url.clone(),
            fetched_at: fetched.fetched_at.clone(),
            content_type: fetched.content_type.clone(),
            bytes: fetched.body.len() as u64,
            sha256: super::sha256_hex(&fetched.body),
        };
        let json = serde_json::to_vec_pretty(&entry).map_err(std::io::Error::other)?;
        // The old entry goes first: a run ended between the two writes
        // leaves a body without an entry, which is a miss, never an entry
        // describing another body (which would read as corrupt).
        match std::fs::remove_file(&entry_path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
            _ => {}
        }
        write_atomic(&self.dir, &body_path, &fetched.body)?;
        write_atomic(&self.dir, &entry_path, &json)
    }
}

/// Writes a file through a temporary file in the same folder and a rename,
/// so readers never see half a file; a signal while it is written removes
/// the temporary file (see [`crate::temporaries`]).
fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::temporaries::before_making_a_temporary();
    let mut file = tempfile::Builder::new().prefix(".parallax-").suffix(".tmp").tempfile_in(dir)?;
    let _tracked = crate::temporaries::Tracked::new(file.path());
    crate::temporaries::pause_for_tests();
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
    fn credentials_are_cut_from_what_is_shown() {
        assert_eq!(redact_url("http://user:secret@host.example/a?b=c@d"), "http://host.example/a?b=c@d");
        assert_eq!(redact_url("https://a%40b:p%3Aw@host.example:8080"), "https://host.example:8080");
        assert_eq!(redact_url("https://host.example/a@b"), "https://host.example/a@b");
        assert_eq!(credentials("http://a%40b:p%3Aw@host/"), Some(("a@b".into(), "p:w".into())));
        assert_eq!(credentials("http://host/a@b"), None);
        assert_eq!(basic_auth("user", "secret"), "Basic dXNlcjpzZWNyZXQ=");
        assert_eq!(basic_auth("a", ""), "Basic YTo=");
    }

    #[test]
    fn one_page_has_one_identity() {
        let page = "https://courier.example/a?b=1";
        for spelling in [
            "https://courier.example/a?b=1#comments",
            "HTTPS://Courier.Example/a?b=1",
            "https://courier.example:443/a?b=1",
            "https://user:pw@courier.example/a?b=1",
        ] {
            assert_eq!(url_identity(spelling), url_identity(page), "{spelling}");
        }
        assert_ne!(url_identity("https://courier.example/A?b=1"), url_identity(page), "paths keep their case");
        assert_eq!(url_identity("http://courier.example"), "http://courier.example/");
        assert_eq!(url_identity("http://courier.example?x"), "http://courier.example/?x");
    }

    #[test]
    fn bad_addresses_are_named_before_connecting() {
        let error = |url: &str| check_url(url).expect_err(url).to_string();
        assert_eq!(
            error("http://127.0.0.1:99999/a"),
            "cannot fetch: not a valid URL: port 99999 is out of range (1 to 65535)"
        );
        assert_eq!(error("http://host:0/"), "cannot fetch: not a valid URL: port 0 is out of range (1 to 65535)");
        assert_eq!(error("http:///a"), "cannot fetch: not a valid URL: no host");
        assert!(check_url("http://[::1]:8080/a").is_ok());
        assert!(check_url("http://user:pw@host:80/a").is_ok());
        assert!(check_url("http://host:/a").is_ok(), "an empty port is the default port");
    }

    #[test]
    fn locations_resolve_against_the_page_and_only_to_the_web() {
        let base = "https://a.example/news/story?x=1";
        assert_eq!(resolve_location(base, "/other").ok().as_deref(), Some("https://a.example/other"));
        assert_eq!(resolve_location(base, "next").ok().as_deref(), Some("https://a.example/news/next"));
        assert_eq!(resolve_location(base, "?page=2").ok().as_deref(), Some("https://a.example/news/story?page=2"));
        assert_eq!(resolve_location(base, "//b.example/x").ok().as_deref(), Some("https://b.example/x"));
        assert_eq!(resolve_location(base, "HTTP://c.example/").ok().as_deref(), Some("HTTP://c.example/"));
        for (location, scheme) in
            [("file:///etc/passwd", "file"), ("javascript:alert(1)", "javascript"), ("data:,x", "data")]
        {
            let error = resolve_location(base, location).expect_err(location).to_string();
            assert!(error.contains(&format!("redirected to a {scheme}: address")), "{error}");
        }
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
        assert!(matches!(cache.read("https://a.example/", u64::MAX), Cached::Miss));
        cache.write("https://a.example/", &fetched).expect("cache write");
        let Cached::Hit(read) = cache.read("https://a.example/", u64::MAX) else { panic!("cached") };
        assert_eq!(read, Fetched { from_cache: true, ..fetched });
        // A damaged body is not served: both files are set aside, named in the warning.
        let (body, entry) = cache.paths("https://a.example/");
        std::fs::write(&body, b"<p>tampered</p>").expect("write");
        let Cached::Corrupt(warning) = cache.read("https://a.example/", u64::MAX) else { panic!("corrupt") };
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
        assert!(matches!(cache.read("https://a.example/", u64::MAX), Cached::Miss), "set aside, the entry is gone");
    }

    #[test]
    fn an_entry_that_is_not_json_is_set_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(dir.path().to_path_buf());
        let (_, entry) = cache.paths("https://a.example/");
        std::fs::write(&entry, b"{\"url\": \"https://a.exa").expect("write");
        let Cached::Corrupt(warning) = cache.read("https://a.example/", u64::MAX) else { panic!("corrupt") };
        assert!(warning.contains("is corrupt (not a cache entry: EOF while parsing"), "{warning}");
        assert!(Path::new(&format!("{}.corrupt", entry.display())).exists());
    }

    #[test]
    fn cache_reads_are_bounded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(dir.path().to_path_buf());
        let fetched = Fetched {
            body: vec![b'x'; 1000],
            final_url: "https://a.example/".into(),
            fetched_at: "2026-05-12T09:40:00Z".into(),
            content_type: None,
            from_cache: false,
        };
        cache.write("https://a.example/", &fetched).expect("cache write");
        // A page over the limit in force is refused from its entry, not read.
        let Cached::Refused(error) = cache.read("https://a.example/", 999) else { panic!("refused") };
        assert_eq!(error, IngestError::TooLarge { size: 1000, limit: 999 });
        assert!(matches!(cache.read("https://a.example/", 1000), Cached::Hit(_)));
        // An entry that is a FIFO nobody writes to is given up, not waited on forever.
        let (_, entry) = cache.paths("https://b.example/");
        let made = std::process::Command::new("mkfifo").arg(&entry).status().is_ok_and(|s| s.success());
        if made {
            let Cached::Corrupt(warning) = cache.read("https://b.example/", 1000) else { panic!("corrupt") };
            assert!(warning.contains("is corrupt (cannot read it: no data for 2 s"), "{warning}");
        }
    }

    #[test]
    fn timestamps_are_whole_seconds_in_utc() {
        let now = now_rfc3339();
        assert!(now.ends_with('Z') && now.len() == 20, "{now}");
        assert!(now.parse::<jiff::Timestamp>().is_ok());
    }
}
