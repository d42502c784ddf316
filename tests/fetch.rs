//! Fetching URLs against a small HTTP server on 127.0.0.1 that the tests
//! start: redirects (final URL recorded), gzip (and the size cap applied
//! after decompression), HTTP errors, timeouts, non-article content, the
//! page cache (hits, `--refresh`, `--offline`) and the User-Agent; and the
//! hostile cases: credentials in URLs and redirects (used, never shown or
//! stored), redirects to `file:` and `javascript:`, a body that drips, a
//! port out of range, a cache folder that is a file or cannot be written,
//! and the same page given under different spellings.

use assert_cmd::Command;
use parallax::ingest::{CacheMode, IngestOptions, load_inputs};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// Requests seen: target ("/courier?case=x") → count and last User-Agent.
type Log = Arc<Mutex<BTreeMap<String, (usize, String)>>>;

struct Server {
    base: String,
    log: Log,
}

impl Server {
    fn url(&self, target: &str) -> String {
        format!("{}{target}", self.base)
    }

    fn hits(&self, target: &str) -> usize {
        self.log.lock().expect("log").get(target).map_or(0, |(hits, _)| *hits)
    }

    fn user_agent(&self, target: &str) -> String {
        self.log.lock().expect("log").get(target).map(|(_, agent)| agent.clone()).unwrap_or_default()
    }
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html").join(path)).expect("fixture")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

/// About 6 MB of page that compresses to a few kilobytes (built once: the
/// server must answer well within the timeout).
fn gzip_bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        let mut page = b"<html><body><article><p>".to_vec();
        page.extend(std::iter::repeat_n(b"flood ".as_slice(), 1_000_000).flatten());
        page.extend_from_slice(b"</p></article></body></html>");
        gzip(&page)
    })
}

fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let log: Log = Arc::default();
        let thread_log = Arc::clone(&log);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let log = Arc::clone(&thread_log);
                std::thread::spawn(move || respond(stream, &log));
            }
        });
        Server { base, log }
    })
}

fn respond(mut stream: TcpStream, log: &Log) {
    let mut request = Vec::new();
    let mut chunk = [0u8; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&chunk[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request).into_owned();
    let target = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let agent = request
        .lines()
        .find_map(|line| line.to_ascii_lowercase().starts_with("user-agent:").then(|| line[11..].trim().to_owned()))
        .unwrap_or_default();
    {
        let mut log = log.lock().expect("log");
        let entry = log.entry(target.clone()).or_default();
        entry.0 += 1;
        entry.1 = agent;
    }
    let header = |name: &str| {
        request.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
        })
    };
    let authorization = header("authorization").unwrap_or_default();
    let host = header("host").unwrap_or_default();
    let (path, query) = target.split_once('?').map_or((target.as_str(), ""), |(p, q)| (p, q));
    if path == "/drip" {
        // Headers at once, then one byte every 300 ms: no single wait is
        // long, the whole transfer is.
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n");
        for _ in 0..1000 {
            std::thread::sleep(Duration::from_millis(300));
            if stream.write_all(b"x").is_err() {
                return;
            }
        }
        return;
    }
    let query = if query.is_empty() { String::new() } else { format!("?{query}") };
    let html = "text/html; charset=utf-8";
    let (status, headers, body): (&str, Vec<(&str, String)>, Vec<u8>) = match path {
        "/courier" => ("200 OK", vec![("Content-Type", html.into())], fixture("northern-courier/page.html")),
        "/herald" => ("200 OK", vec![("Content-Type", html.into())], fixture("selka-valley-herald/page.html")),
        "/old-courier" => ("301 Moved Permanently", vec![("Location", format!("/courier{query}"))], Vec::new()),
        "/gzip-herald" => (
            "200 OK",
            vec![("Content-Type", html.into()), ("Content-Encoding", "gzip".into())],
            gzip(&fixture("selka-valley-herald/page.html")),
        ),
        "/bomb" => {
            ("200 OK", vec![("Content-Type", html.into()), ("Content-Encoding", "gzip".into())], gzip_bomb().to_vec())
        }
        // user:secret, as HTTP Basic.
        "/private" if authorization == "Basic dXNlcjpzZWNyZXQ=" => {
            ("200 OK", vec![("Content-Type", html.into())], fixture("northern-courier/page.html"))
        }
        "/private" => ("401 Unauthorized", vec![("Content-Type", "text/plain".into())], b"who?".to_vec()),
        "/login-redirect" => {
            ("302 Found", vec![("Location", format!("http://user:secret@{host}/private{query}"))], Vec::new())
        }
        "/to-file" => ("302 Found", vec![("Location", "file:///etc/passwd".into())], Vec::new()),
        "/to-script" => ("302 Found", vec![("Location", "javascript:alert(1)".into())], Vec::new()),
        "/photo" => ("200 OK", vec![("Content-Type", "image/png".into())], b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(4));
            ("200 OK", vec![("Content-Type", html.into())], fixture("northern-courier/page.html"))
        }
        _ => ("404 Not Found", vec![("Content-Type", "text/plain".into())], b"not here".to_vec()),
    };
    let mut response = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (name, value) in headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    response.push_str("\r\n");
    let _ = stream.write_all(response.as_bytes()).and_then(|()| stream.write_all(&body));
}

fn options(cache_dir: &Path, cache: CacheMode) -> IngestOptions {
    IngestOptions {
        cache,
        cache_dir: Some(cache_dir.to_path_buf()),
        timeout: Duration::from_secs(1),
        ..IngestOptions::default()
    }
}

fn reasons(loaded: &parallax::ingest::Loaded) -> Vec<(String, String)> {
    loaded.skipped.iter().map(|s| (s.source.clone(), s.reason.clone())).collect()
}

#[test]
fn redirects_cache_refresh_and_offline() {
    let server = server();
    let cache = tempfile::tempdir().expect("tempdir");
    let url = server.url("/old-courier?case=cache");
    let target = "/old-courier?case=cache";

    let first = load_inputs(std::slice::from_ref(&url), &options(cache.path(), CacheMode::Prefer));
    assert_eq!(reasons(&first), []);
    let document = &first.documents[0];
    assert_eq!(document.source, url);
    assert_eq!(document.meta.outlet.as_deref(), Some("The Northern Courier"));
    let provenance = &document.provenance;
    assert_eq!(provenance.final_url.as_deref(), Some(server.url("/courier?case=cache").as_str()));
    assert!(!provenance.from_cache);
    let fetched_at = provenance.fetched_at.clone().expect("fetch time");
    assert!(fetched_at.ends_with('Z') && fetched_at.parse::<jiff::Timestamp>().is_ok(), "{fetched_at}");
    assert_eq!(server.hits(target), 1);

    let started = std::time::Instant::now();
    let again = load_inputs(std::slice::from_ref(&url), &options(cache.path(), CacheMode::Prefer));
    eprintln!("reopened from the cache in {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
    assert_eq!(server.hits(target), 1, "the cache was not used");
    assert!(again.documents[0].provenance.from_cache);
    assert_eq!(again.documents[0].provenance.fetched_at.as_deref(), Some(fetched_at.as_str()));
    assert_eq!(again.documents[0].text, document.text);

    let refreshed = load_inputs(std::slice::from_ref(&url), &options(cache.path(), CacheMode::Refresh));
    assert_eq!(server.hits(target), 2, "--refresh did not fetch");
    assert!(!refreshed.documents[0].provenance.from_cache);

    let uncached = server.url("/herald?case=never-fetched");
    let offline = load_inputs(&[url.clone(), uncached.clone()], &options(cache.path(), CacheMode::Offline));
    assert_eq!(server.hits(target), 2, "--offline used the network");
    assert_eq!(server.hits("/herald?case=never-fetched"), 0);
    assert_eq!(offline.documents.len(), 1);
    assert!(offline.documents[0].provenance.from_cache);
    assert_eq!(
        reasons(&offline),
        [(uncached, "cannot fetch: not in the cache, and --offline forbids fetching it".to_owned())]
    );
}

#[test]
fn failures_name_the_url_and_the_others_still_load() {
    let server = server();
    let cache = tempfile::tempdir().expect("tempdir");
    let inputs = [
        server.url("/missing"),
        server.url("/courier?case=failures"),
        server.url("/slow"),
        server.url("/photo"),
        server.url("/herald?case=failures"),
    ];
    // A port nothing listens on: bind one, note it, close it.
    let closed_port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let refused = format!("http://127.0.0.1:{closed_port}/story");
    let inputs = [inputs.as_slice(), std::slice::from_ref(&refused)].concat();
    let loaded = load_inputs(&inputs, &options(cache.path(), CacheMode::Prefer));
    let outlets: Vec<_> = loaded.documents.iter().map(|d| d.meta.outlet.clone().unwrap_or_default()).collect();
    assert_eq!(outlets, ["The Northern Courier", "Selka Valley Herald"]);
    assert_eq!(
        reasons(&loaded),
        [
            (inputs[0].clone(), "cannot fetch: HTTP 404 Not Found".to_owned()),
            (inputs[2].clone(), "cannot fetch: no data for 1 s (--timeout)".to_owned()),
            (inputs[3].clone(), "not an article: image/png content".to_owned()),
            (refused, "cannot fetch: cannot connect: connection refused".to_owned()),
        ]
    );
}

#[test]
fn gzip_is_decompressed_and_the_size_cap_counts_decompressed_bytes() {
    let server = server();
    let cache = tempfile::tempdir().expect("tempdir");
    let limit = 1_000_000;
    let bomb = gzip_bomb();
    assert!((bomb.len() as u64) < limit / 10, "the compressed bomb must be far below the limit");
    let options = IngestOptions {
        max_input_bytes: limit,
        timeout: Duration::from_secs(10),
        ..options(cache.path(), CacheMode::Prefer)
    };
    let inputs = [server.url("/gzip-herald"), server.url("/bomb")];
    let loaded = load_inputs(&inputs, &options);
    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(loaded.documents[0].meta.title.as_deref(), Some("Halvik mill fire: 300 workers sent home"));
    assert_eq!(
        reasons(&loaded),
        [(
            inputs[1].clone(),
            "cannot fetch: the page is over the 1000000-byte limit (after decompression; raise it with --max-input-size)"
                .to_owned()
        )]
    );
}

#[test]
fn the_user_agent_names_parallax_and_its_version() {
    let server = server();
    let cache = tempfile::tempdir().expect("tempdir");
    let loaded = load_inputs(&[server.url("/courier?case=agent")], &options(cache.path(), CacheMode::Refresh));
    assert_eq!(loaded.documents.len(), 1);
    let agent = server.user_agent("/courier?case=agent");
    assert!(agent.starts_with(&format!("parallax/{} ", env!("CARGO_PKG_VERSION"))), "{agent}");
}

fn run(cache: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("parallax")
        .expect("binary")
        .env("PARALLAX_CACHE_DIR", cache)
        .args(["--export", "-", "--format", "json", "--timeout", "2"])
        .args(args)
        .output()
        .expect("parallax runs")
}

#[test]
fn the_command_line_records_fetches_and_works_offline() {
    let server = server();
    let cache: PathBuf = tempfile::tempdir().expect("tempdir").keep();
    let courier = server.url("/old-courier?case=cli");
    let herald = server.url("/gzip-herald?case=cli");

    let output = run(&cache, &[&courier, &herald]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let provenance = &report["articles"][0]["provenance"];
    assert_eq!(provenance["final_url"], server.url("/courier?case=cli").as_str());
    assert_eq!(provenance["format"], "html");
    assert!(provenance["fetched_at"].as_str().is_some_and(|t| t.ends_with('Z')));
    assert_eq!(provenance.get("from_cache"), None, "false is left out of the report");
    assert_eq!(report["articles"][1]["outlet"], "Selka Valley Herald");

    let output = run(&cache, &["--offline", &courier, &herald]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["articles"][0]["provenance"]["from_cache"], true);
    assert_eq!(report["articles"][0]["provenance"]["fetched_at"], provenance["fetched_at"]);

    let uncached = server.url("/herald?case=cli-uncached");
    let output = run(&cache, &["--offline", &courier, &uncached]);
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{uncached}: cannot fetch: not in the cache, and --offline forbids fetching it")),
        "{stderr}"
    );

    let output = run(&cache, &["--offline", "--refresh", &courier]);
    assert_eq!(output.status.code(), Some(2), "--offline and --refresh conflict");
    let _ = std::fs::remove_dir_all(cache);
}

/// The cache files of a URL, as the cache names them.
fn cache_files(cache: &Path, url: &str) -> (PathBuf, PathBuf) {
    let key = parallax::ingest::fetch::cache_key(url);
    (cache.join(format!("{key}.json")), cache.join(format!("{key}.body")))
}

#[test]
fn a_corrupt_cache_entry_is_reported_set_aside_and_fetched_again() {
    let server = server();
    let cache = tempfile::tempdir().expect("tempdir");
    let courier = server.url("/courier?case=corrupt");
    let herald = server.url("/herald?case=corrupt");
    let output = run(cache.path(), &[&courier, &herald]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(server.hits("/courier?case=corrupt"), 1);

    // A cut-off entry (as a full disk or a crash in another tool leaves it).
    let (entry, body) = cache_files(cache.path(), &courier);
    std::fs::write(&entry, b"{\"url\": \"http://127.0.0.1/cour").expect("damage the entry");
    let output = run(cache.path(), &[&courier, &herald]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    let expected_start = format!("parallax: warning: {courier}: page cache entry {} is corrupt (", entry.display());
    let expected_end = format!("): set aside as {}.corrupt; fetching the page again", entry.display());
    assert!(lines[0].starts_with(&expected_start) && lines[0].ends_with(&expected_end), "{stderr}");
    assert_eq!(server.hits("/courier?case=corrupt"), 2, "fetched again");
    let aside = |path: &Path| PathBuf::from(format!("{}.corrupt", path.display()));
    assert!(aside(&entry).exists() && aside(&body).exists(), "kept for a look");
    assert!(entry.exists() && body.exists(), "a fresh entry replaces it");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["articles"][0]["outlet"], "The Northern Courier");
    assert_eq!(report["articles"][0]["provenance"].get("from_cache"), None, "fetched, not cached");

    // Offline, a damaged body cannot be replaced: reported, then skipped.
    std::fs::write(&body, b"<p>tampered</p>").expect("damage the body");
    let output = run(cache.path(), &["--offline", &courier, &herald]);
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].contains("is corrupt (its page has the wrong size): set aside as"), "{stderr}");
    assert_eq!(
        lines[1],
        format!(
            "parallax: warning: {courier}: cannot fetch: the cached copy is corrupt, and --offline forbids fetching it (skipped)"
        )
    );
    assert_eq!(server.hits("/courier?case=corrupt"), 2, "offline: not fetched");
}

/// Every file in a folder, read as text (lossily), to look for a secret.
fn folder_text(folder: &Path) -> String {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| String::from_utf8_lossy(&std::fs::read(e.path()).unwrap_or_default()).into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn credentials_are_used_for_the_request_and_never_shown_or_stored() {
    let server = server();
    let cache = tempfile::tempdir().expect("tempdir");
    let base = server.url("");
    let with_login = base.replacen("http://", "http://user:secret@", 1);
    let given = format!("{with_login}/private?case=credentials");
    let redirected = server.url("/login-redirect?case=credentials-redirect");
    let wrong = format!("{}/private?case=credentials-wrong", base.replacen("http://", "http://user:guess@", 1));
    let loaded = load_inputs(&[given, redirected, wrong], &options(cache.path(), CacheMode::Prefer));
    assert_eq!(loaded.documents.len(), 2, "{:?}", reasons(&loaded));
    let first = &loaded.documents[0];
    assert_eq!(first.source, server.url("/private?case=credentials"), "shown without the login");
    assert_eq!(first.provenance.final_url.as_deref(), Some(first.source.as_str()));
    // Credentials in a redirect's Location: used, then dropped from the final address.
    let second = &loaded.documents[1];
    assert_eq!(second.provenance.final_url.as_deref(), Some(server.url("/private?case=credentials-redirect").as_str()));
    assert_eq!(
        reasons(&loaded),
        [(server.url("/private?case=credentials-wrong"), "cannot fetch: HTTP 401 Unauthorized".to_owned())]
    );
    let cached = folder_text(cache.path());
    assert!(cached.contains("case=credentials"), "the page is cached");
    for secret in ["secret", "guess", "user:"] {
        assert!(!cached.contains(secret), "{secret} in the cache");
    }

    // Through the command: not on standard error, not in any report.
    let missing = format!("{with_login}/missing?case=credentials-cli");
    for format in ["json", "md", "html", "csv"] {
        let output = Command::cargo_bin("parallax")
            .expect("binary")
            .env("PARALLAX_CACHE_DIR", cache.path())
            .args(["--no-config", "--export", "-", "--format", format, "--timeout", "2"])
            .arg(format!("{with_login}/private?case=credentials"))
            .arg(server.url("/herald?case=credentials"))
            .arg(&missing)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr.trim(),
            format!(
                "parallax: warning: {}: cannot fetch: HTTP 404 Not Found (skipped)",
                server.url("/missing?case=credentials-cli")
            )
        );
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(report.contains("case=credentials") || format == "csv", "{format}: {report}");
        assert!(!report.contains("secret"), "{format} report holds the password");
    }
}

#[test]
fn redirects_to_other_schemes_drips_and_bad_ports_are_named() {
    let server = server();
    let cache = tempfile::tempdir().expect("tempdir");
    let inputs = [
        server.url("/to-file"),
        server.url("/to-script"),
        "http://127.0.0.1:99999/story".to_owned(),
        server.url("/drip"),
    ];
    let options = IngestOptions { timeout: Duration::from_millis(500), ..options(cache.path(), CacheMode::Refresh) };
    let loaded = load_inputs(&inputs, &options);
    assert_eq!(
        reasons(&loaded),
        [
            (
                inputs[0].clone(),
                "cannot fetch: redirected to a file: address, which is not a web page (only http and https redirects \
                 are followed)"
                    .to_owned()
            ),
            (
                inputs[1].clone(),
                "cannot fetch: redirected to a javascript: address, which is not a web page (only http and https \
                 redirects are followed)"
                    .to_owned()
            ),
            (inputs[2].clone(), "cannot fetch: not a valid URL: port 99999 is out of range (1 to 65535)".to_owned()),
            (
                inputs[3].clone(),
                "cannot fetch: gave up after 2 s: the whole transfer, redirects included, may take 4 × --timeout \
                 (0.5 s)"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn one_page_under_several_spellings_is_read_once() {
    let server = server();
    let cache = tempfile::tempdir().expect("tempdir");
    let page = server.url("/courier?case=spellings");
    let shouting = page.replacen("http://", "HTTP://", 1);
    let inputs = [page.clone(), format!("{page}#comments"), shouting, server.url("/herald?case=spellings")];
    let loaded = load_inputs(&inputs, &options(cache.path(), CacheMode::Prefer));
    assert_eq!(loaded.documents.len(), 2);
    assert_eq!(
        reasons(&loaded),
        [
            (inputs[1].clone(), format!("the same page as {page}, given twice")),
            (inputs[2].clone(), format!("the same page as {page}, given twice")),
        ]
    );
    assert_eq!(server.hits("/courier?case=spellings"), 1);
}

#[test]
fn a_cache_that_is_a_file_or_cannot_be_written_is_named_once_per_page() {
    let server = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("cache");
    std::fs::write(&file, "not a folder").expect("write");
    let courier = server.url("/courier?case=cache-file");
    let loaded = load_inputs(std::slice::from_ref(&courier), &options(&file, CacheMode::Prefer));
    assert_eq!(loaded.documents.len(), 1, "still fetched");
    assert_eq!(
        loaded.warnings,
        [(
            courier.clone(),
            format!("the page cache {} is not a folder: pages are neither read from nor kept in it", file.display())
        )]
    );
    // A cache folder under a file.
    let under_file = file.join("pages");
    let loaded = load_inputs(std::slice::from_ref(&courier), &options(&under_file, CacheMode::Prefer));
    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(
        loaded.warnings,
        [(
            courier.clone(),
            format!(
                "cannot use the page cache {} (Not a directory): pages are neither read from nor kept in it",
                under_file.display()
            )
        )]
    );
    // A cache folder that cannot be made, even by root (/proc takes no new folders).
    if cfg!(target_os = "linux") {
        let unmakeable = Path::new("/proc/parallax-test-cache/pages");
        let loaded = load_inputs(std::slice::from_ref(&courier), &options(unmakeable, CacheMode::Prefer));
        assert_eq!(loaded.documents.len(), 1);
        assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
        let warning = &loaded.warnings[0].1;
        assert!(
            warning.starts_with(&format!("cannot keep the page in the page cache {} (", unmakeable.display()))
                && warning.ends_with("); it will be fetched again next time"),
            "{warning}"
        );
    }
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "not a folder", "nothing written over it");
}
