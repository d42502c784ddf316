//! Command-line handling: arguments, configuration, exit codes, and the
//! choice between the reader (a terminal on standard output) and a report
//! (`--export`, or standard output redirected).

use crate::config::{self, Config};
mod labels;
mod waiting;

use crate::progress::ExportProgress;
use clap::{ArgAction, CommandFactory, FromArgMatches, Parser};
use parallax::ingest::{CacheMode, DEFAULT_MAX_INPUT_BYTES, IngestOptions, load_inputs};
use parallax::report::{self, ReportContext, ReportFormat};
use parallax::review::{self, Verdict};
use parallax::tui::{self, Launch, Outcome, Theme};
use parallax::{Stage, compare_documents_with_progress};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Exit codes (documented in the README).
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// The run failed (a report could not be written, the terminal failed).
    pub const FAILURE: u8 = 1;
    /// Bad usage: unknown option, unknown format, bad configuration.
    pub const USAGE: u8 = 2;
    /// Fewer than two usable articles.
    pub const NOT_ENOUGH_ARTICLES: u8 = 3;
}

/// Compare news articles about the same event side by side: what they agree
/// on, what only one says, and where their numbers, names and dates differ.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Args {
    /// Articles to compare: files (.txt, .md, .html), folders (their article
    /// files, in natural order), http(s):// URLs, or `-` for standard input.
    /// `NAME=PATH` names the article's outlet (an argument that exists as a
    /// path is always a path; URLs keep their `=`).
    // OS strings: a file name that is not UTF-8 is read as it is.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<std::ffi::OsString>,

    /// Name the outlet of the input that follows (`--label Reuters 7f3a.txt`).
    #[arg(long, value_name = "NAME", action = ArgAction::Append)]
    pub label: Vec<String>,

    /// For each `--label`, the index of the input it names.
    #[arg(skip)]
    pub label_targets: Vec<(usize, String)>,

    /// Write the comparison report to PATH and exit (`-` for standard output).
    // An OS path: a file name that is not UTF-8 is written as it is.
    #[arg(long, value_name = "PATH")]
    pub export: Option<PathBuf>,

    /// Report format: html, md (Markdown), json, csv (number mentions) or figures-csv (every figure read).
    /// Default: from the export file's extension (Markdown for standard output).
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Refuse inputs larger than this many bytes (for URLs: after decompression).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_INPUT_BYTES)]
    pub max_input_size: u64,

    /// Fetch URLs again even when the page cache holds them.
    #[arg(long, conflicts_with = "offline")]
    pub refresh: bool,

    /// Never use the network: URLs come from the page cache only.
    #[arg(long)]
    pub offline: bool,

    /// Network timeout for URLs in seconds (to connect, and for each wait
    /// for data; a whole transfer may take four times as long).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub timeout: f64,

    /// Similarity (0–1) sentences need to count as the same statement.
    #[arg(long, value_name = "SCORE")]
    pub match_threshold: Option<f64>,

    /// Similarity (0–1) groups of sentences need to merge.
    #[arg(long, value_name = "SCORE", hide = true)]
    pub link_threshold: Option<f64>,

    /// Read the configuration from PATH instead of the user's config file.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore the user's config file (for reproducible results).
    #[arg(long)]
    pub no_config: bool,

    /// Print the default configuration, commented, and exit.
    #[arg(long)]
    pub print_config: bool,

    /// Print nothing but errors on standard error.
    #[arg(long, short)]
    pub quiet: bool,

    /// Keep the review (verdicts, notes, corrections) in PATH instead of the
    /// user's data folder, e.g. beside the articles to share it; with
    /// --export the report carries it.
    #[arg(long, value_name = "PATH")]
    pub review: Option<PathBuf>,

    /// Export only the discrepancies with this verdict: confirmed (the
    /// editor's summary), disputed, false-alarm or ignored.
    #[arg(long, value_name = "VERDICT")]
    pub only: Option<String>,

    /// Leave saved reviews out: the engine's findings alone.
    #[arg(long, conflicts_with_all = ["review", "only"])]
    pub no_review: bool,
}

const AFTER_HELP: &str = "Without --export, parallax opens the interactive reader when standard output is a \
terminal (? lists its keys) and writes the Markdown report otherwise.\n\nConfiguration: config.toml in the user's \
config folder (~/.config/parallax/ on Linux); --print-config shows every setting.\n\nExit codes: 0 success, \
1 failure (e.g. the report could not be written), 2 bad usage or configuration, 3 fewer than two usable \
articles.\n\nExamples:\n  parallax assets/samples/dravik-dam\n  parallax --export report.html a.txt b.md c.html\n  \
parallax --export numbers.csv folder/\n  parallax --export - --format json folder/ | jq .summary\n  \
parallax https://a.example/story https://b.example/news/123\n\nFetched pages are cached (set PARALLAX_CACHE_DIR to \
choose the folder); --refresh fetches again, --offline uses only the cache. Proxies: HTTPS_PROXY, HTTP_PROXY, \
ALL_PROXY, NO_PROXY.\n\nReviews (verdicts, notes, corrections made in the reader) are kept in the user's data folder \
(PARALLAX_DATA_DIR chooses another), keyed by the articles' content; reports carry them. --review PATH keeps one \
beside the articles; --only confirmed exports the editor's summary.";

/// Parses arguments, runs, and returns the exit code.
pub fn run() -> ExitCode {
    let parsed = Args::command().try_get_matches().and_then(|matches| {
        let mut args = Args::from_arg_matches(&matches)?;
        args.label_targets = labels::label_targets(&matches)
            .map_err(|message| Args::command().error(clap::error::ErrorKind::ValueValidation, message))?;
        Ok(args)
    });
    let args = match parsed {
        Ok(args) => args,
        Err(error) if !error.use_stderr() => {
            // --help and --version: nothing from the user in them, keep the colours.
            let _ = error.print();
            return ExitCode::from(exit::OK);
        }
        Err(error) => {
            // clap quotes the offending argument, which may be a file name
            // from a shell glob: escape sequences and controls are stripped.
            for line in error.to_string().lines() {
                eprintln!("{}", parallax::normalize::clean_text(line).trim_end());
            }
            return ExitCode::from(exit::USAGE);
        }
    };
    ExitCode::from(run_with(&args))
}

fn run_with(args: &Args) -> u8 {
    if args.print_config {
        return write_stdout(config::DEFAULT_CONFIG);
    }
    if args.inputs.is_empty() {
        eprintln!("parallax: no inputs given\nUsage: parallax [OPTIONS] <INPUT>...\nTry 'parallax --help' for more.");
        return exit::USAGE;
    }
    // Start-up (issue 11): a second thread builds the engine's patterns and
    // lexicons while this one reads the configuration and the inputs.
    if worth_warming_up(&args.inputs) {
        drop(std::thread::Builder::new().name("warm-up".to_owned()).spawn(parallax::warm_up));
    }
    let config = match config::load(args.config.as_deref(), args.no_config) {
        Ok(config) => config,
        Err(message) => {
            say(&message);
            return exit::USAGE;
        }
    };
    let mut settings = config.settings.clone();
    if let Some(threshold) = args.match_threshold {
        if !(0.0..=1.0).contains(&threshold) {
            say(&format!("--match-threshold must be between 0 and 1, not {threshold}"));
            return exit::USAGE;
        }
        settings.matching.threshold = threshold;
    }
    if let Some(threshold) = args.link_threshold {
        settings.matching.link_threshold = threshold;
    }
    let format = match report_format(args) {
        Ok(format) => format,
        Err(message) => {
            say(&message);
            return exit::USAGE;
        }
    };
    if !(args.timeout.is_finite() && args.timeout > 0.0 && args.timeout <= 86_400.0) {
        say(&format!("--timeout must be a number of seconds above 0 and at most 86400 (a day), not {}", args.timeout));
        return exit::USAGE;
    }
    let cache = match (args.refresh, args.offline) {
        (true, _) => CacheMode::Refresh,
        (_, true) => CacheMode::Offline,
        _ => CacheMode::Prefer,
    };
    let mut options = IngestOptions {
        max_input_bytes: args.max_input_size,
        cache,
        timeout: std::time::Duration::from_secs_f64(args.timeout),
        // The environment is read here, never by the engine.
        cache_dir: std::env::var_os(parallax::ingest::fetch::CACHE_DIR_ENV)
            .filter(|dir| !dir.is_empty())
            .map(std::path::PathBuf::from),
        on_wait: parallax::ingest::WaitNotice::default(),
    };
    let only = match args.only.as_deref().map(|name| Verdict::from_name(name).ok_or(name)) {
        None => None,
        Some(Ok(verdict)) => Some(verdict),
        Some(Err(name)) => {
            say(&format!("unknown verdict '{name}' for --only: choose confirmed, disputed, false-alarm or ignored"));
            return exit::USAGE;
        }
    };
    // A signal from here on removes the temporary file of a page being
    // cached or a report being written before the run ends (the reader
    // takes signals over once it starts, to restore the terminal first).
    #[cfg(unix)]
    report::remove_temporaries_on_signal();
    let review_location = review_location(args);
    if let Some(problem) = args.review.as_deref().and_then(review_file_problem) {
        say(&problem);
        return exit::USAGE;
    }
    let opens_reader = args.export.is_none() && std::io::stdout().is_terminal();
    let progress = (!opens_reader).then(|| ExportProgress::start(!args.quiet));
    // A pipe, FIFO or standard input that keeps the run waiting says so;
    // before the reader opens, q also cancels the wait.
    let waiting = waiting::Waiting::default();
    let note = progress.as_ref().map(ExportProgress::notifier);
    let say_line: waiting::Say = match note {
        Some(note) => Box::new(note),
        None => Box::new(|line: &str| eprintln!("{line}")),
    };
    let named = labels::resolve(&args.inputs, &args.label_targets);
    // Pages to fetch before the reader opens: a screen shows each input's
    // progress and takes the cancelling keys (so the wait notice neither
    // prints over it nor watches the keys itself).
    let fetch_screen =
        opens_reader && named.inputs.iter().any(|i| parallax::ingest::fetch::is_url(&i.to_string_lossy()));
    options.on_wait = waiting.notice(say_line, args.quiet || fetch_screen, opens_reader && !fetch_screen);
    let mut loaded = if fetch_screen {
        // That screen handles signals itself, restoring the terminal first:
        // the temporaries watcher must not end the run under it.
        parallax::temporaries::hand_signals_over();
        match tui::fetching::load(&named.inputs, &options) {
            Ok(tui::fetching::Fetched::Loaded(loaded)) => loaded,
            Ok(tui::fetching::Fetched::Cancelled) => {
                // As a cancelled wait ends: a page being cached is removed, exit 130.
                parallax::temporaries::remove_temporaries();
                say("cancelled while reading the inputs");
                return u8::try_from(waiting::CANCELLED).unwrap_or(exit::FAILURE);
            }
            Ok(tui::fetching::Fetched::Terminated) => {
                // A page may be half-way into the cache.
                parallax::temporaries::remove_temporaries();
                return exit::FAILURE;
            }
            Err(error) => {
                say(&format!("terminal error: {error}"));
                return exit::FAILURE;
            }
        }
    } else {
        load_inputs(&named.inputs, &options)
    };
    waiting.done();
    name_outlets(&mut loaded.documents, &named);
    // Through the progress bar when there is one, so a line never tears it.
    let warn = |message: String| match &progress {
        Some(progress) => progress.note(&message_line(&message)),
        None => say(&message),
    };
    for (source, warning) in &loaded.warnings {
        warn(format!("warning: {source}: {warning}"));
    }
    for skipped in &loaded.skipped {
        warn(format!("warning: {}: {} (skipped)", skipped.source, skipped.reason));
    }
    if loaded.documents.len() < 2 {
        warn(format!("need at least two usable articles to compare, got {}", loaded.documents.len()));
        return exit::NOT_ENOUGH_ARTICLES;
    }
    let input_paths: Vec<String> = loaded.documents.iter().map(|d| d.source.clone()).collect();
    let config_file = config.file.as_ref().map(|path| path.display().to_string());
    let context = ReportContext { settings: settings.clone(), config_file, review: None, scope: None };
    if opens_reader {
        let launch = Launch {
            documents: loaded.documents,
            skipped: loaded.skipped,
            settings,
            options: tui::Options { review: review_location, ..reader_options(&config, context, input_paths) },
        };
        return run_reader(launch);
    }
    // `PARALLAX_TIMINGS=1`: each stage's time on standard error, read off
    // the engine's stage callbacks (the engine itself never prints).
    let timer = std::env::var_os("PARALLAX_TIMINGS").is_some().then(StageTimer::default);
    let on_stage = |stage: Stage| {
        if let Some(progress) = &progress {
            progress.stage(stage);
        }
        if let Some(timer) = &timer {
            timer.lap(stage);
        }
    };
    one_worker_for_tiny_inputs(&loaded.documents);
    let comparison = compare_documents_with_progress(loaded.documents, loaded.skipped, &settings, &on_stage);
    if let Some(progress) = progress {
        progress.finish();
    }
    let reviewed = review_location.and_then(|location| {
        let opened = review::store::open(&location, review::articles_of(&comparison));
        if let Some(notice) = &opened.notice {
            say(&format!("warning: {notice}"));
        }
        // No review and no --only: the report is the engine's alone, byte for byte.
        if opened.review.is_empty() && only.is_none() {
            return None;
        }
        let reviewed = review::apply(&comparison, &opened.review);
        Some(Arc::new(match only {
            Some(verdict) => reviewed.only(verdict),
            None => reviewed,
        }))
    });
    let render = |format: ReportFormat| match &reviewed {
        Some(reviewed) => report::render_reviewed(Arc::clone(reviewed), format, &context),
        None => report::render(&comparison, format, &context),
    };
    match &args.export {
        Some(path) => {
            // The inputs as read (shown lossily) and as given (OS paths, for
            // file names that are not UTF-8): a report replaces none of them.
            let guarded: Vec<PathBuf> =
                input_paths.iter().map(PathBuf::from).chain(named.inputs.iter().map(PathBuf::from)).collect();
            export(&render(format.unwrap_or(ReportFormat::Markdown)), path, &guarded, args.quiet)
        }
        None => {
            // Standard output is not a terminal: the Markdown report.
            write_stdout(&render(ReportFormat::Markdown))
        }
    }
}

/// Inputs this small (in all) are compared on one worker, the main thread:
/// starting a thread per core, and their idle spinning, costs more than splitting
/// a few sentences between them saves (start-up, issue 11). Reports are
/// the same on any number of threads. `RAYON_NUM_THREADS`, when set, wins.
const TINY_INPUT_BYTES: usize = 4 * 1024;

/// Whether [`parallax::warm_up`] is worth a thread: inputs over
/// [`TINY_INPUT_BYTES`] in all, or a folder, page or stream (of unknown
/// size). Tiny inputs need few of the patterns (a one-line article none of
/// the sentence splitter's), and the thread would cost more than it saves.
fn worth_warming_up(inputs: &[std::ffi::OsString]) -> bool {
    let mut total: u64 = 0;
    for input in inputs {
        match std::fs::metadata(input) {
            Ok(metadata) if metadata.is_file() => total = total.saturating_add(metadata.len()),
            _ => return true,
        }
    }
    total > TINY_INPUT_BYTES as u64
}

fn one_worker_for_tiny_inputs(documents: &[parallax::ingest::Document]) {
    let total: usize = documents.iter().map(|d| d.text.len()).sum();
    if total <= TINY_INPUT_BYTES && std::env::var_os("RAYON_NUM_THREADS").is_none() {
        // Fails only when the pool is already running: then it stays as it is.
        // The main thread is that worker: no thread is started at all.
        drop(rayon::ThreadPoolBuilder::new().num_threads(1).use_current_thread().build_global());
    }
}

/// Gives each document the outlet name its input was given on the command line.
fn name_outlets(documents: &mut [parallax::ingest::Document], named: &labels::Named) {
    for (input, name) in named.inputs.iter().zip(&named.names) {
        let Some(name) = name else { continue };
        let input = input.to_string_lossy();
        for document in documents.iter_mut().filter(|d| d.source == input) {
            document.meta.outlet = Some(name.clone());
        }
    }
}

/// Where the review is kept: `--review PATH`, else the data folder
/// (`PARALLAX_DATA_DIR`, else the user's); none with `--no-review`.
fn review_location(args: &Args) -> Option<review::store::Location> {
    if args.no_review {
        return None;
    }
    if let Some(path) = &args.review {
        return Some(review::store::Location::File(path.clone()));
    }
    let dir = std::env::var_os("PARALLAX_DATA_DIR")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(review::store::default_data_dir)?;
    Some(review::store::Location::DataDir(dir))
}

/// Why `--review PATH` cannot be a review file: a FIFO would keep the run
/// waiting, a device such as `/dev/zero` never ends, a folder is no file.
/// A missing file is fine (it is made when the review is saved).
fn review_file_problem(path: &std::path::Path) -> Option<String> {
    let metadata = std::fs::metadata(path).ok()?;
    if metadata.is_file() {
        return None;
    }
    let kind = if metadata.is_dir() { "a folder" } else { "a pipe or device" };
    Some(format!("{}: cannot keep a review in it: {kind}, not a regular file", path.display()))
}

fn reader_options(config: &Config, context: ReportContext, inputs: Vec<String>) -> tui::Options {
    // https://no-color.org: set and not empty.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    tui::Options {
        keymap: config.keymap.clone(),
        theme: Theme::new(&config.theme, no_color),
        export: tui::app::ExportTarget {
            context,
            inputs,
            default_path: format!("parallax-report.{}", config.export_format),
        },
        mouse: config.mouse,
        review: None,
    }
}

fn run_reader(launch: Launch) -> u8 {
    parallax::temporaries::hand_signals_over();
    match tui::run(launch) {
        Ok(Outcome::Quit) => exit::OK,
        Ok(Outcome::Failed | Outcome::Terminated) => exit::FAILURE,
        Err(error) => {
            say(&format!("terminal error: {error}"));
            exit::FAILURE
        }
    }
}

/// The format from --format, else from the export path's extension.
fn report_format(args: &Args) -> Result<Option<ReportFormat>, String> {
    if let Some(name) = &args.format {
        return ReportFormat::from_name(name)
            .map(Some)
            .ok_or_else(|| format!("unknown format '{name}': choose one of {}", ReportFormat::list()));
    }
    match args.export.as_deref() {
        None => Ok(None),
        Some(path) if path.as_os_str() == "-" => Ok(None),
        Some(path) => {
            // Shown lossily; the extension is ASCII when it names a format.
            let shown = path.to_string_lossy();
            ReportFormat::from_path(&shown).map(Some).ok_or_else(|| {
                format!(
                    "cannot tell the report format from '{shown}': use an extension or --format ({})",
                    ReportFormat::list()
                )
            })
        }
    }
}

fn export(text: &str, path: &std::path::Path, inputs: &[PathBuf], quiet: bool) -> u8 {
    if path.as_os_str() == "-" {
        return write_stdout(text);
    }
    // (A signal while the report is written removes its temporary file:
    // the watcher is installed before the inputs are read.)
    match report::write_atomic(path, text, inputs) {
        Ok(()) => {
            if !quiet {
                say(&format!("report written to {}", path.display()));
            }
            exit::OK
        }
        Err(error) => {
            say(&error.to_string());
            exit::FAILURE
        }
    }
}

fn write_stdout(text: &str) -> u8 {
    if stdout_was_closed() {
        say("cannot write to standard output: it is closed");
        return exit::FAILURE;
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => exit::OK,
        // A closed pipe (`parallax … | head`) is not an error worth a message.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Err(error) => {
            say(&format!("cannot write to standard output: {error}"));
            exit::FAILURE
        }
    }
}

/// True when the program started with standard output closed (`>&-`).
/// Rust then opens `/dev/null` in its place (read-write, which no shell
/// redirection does), so writes would succeed into nothing.
fn stdout_was_closed() -> bool {
    #[cfg(target_os = "linux")]
    {
        let null =
            std::fs::read_link("/proc/self/fd/1").is_ok_and(|target| target == std::path::Path::new("/dev/null"));
        let flags = std::fs::read_to_string("/proc/self/fdinfo/1").ok().and_then(|info| {
            info.lines().find_map(|l| l.strip_prefix("flags:")).and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
        });
        // O_ACCMODE is 3, O_RDWR is 2.
        null && flags.is_some_and(|flags| flags & 3 == 2)
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// Prints one line on standard error, prefixed with the program's name.
/// Every message goes through here because most name an input or a path,
/// and a file name can carry escape sequences, control characters and
/// bidi overrides as easily as an article: they are stripped, and line
/// breaks folded, so a message stays one honest line.
fn say(message: &str) {
    eprintln!("{}", message_line(message));
}

/// A message as [`say`] prints it (also through the progress bar).
fn message_line(message: &str) -> String {
    format!("parallax: {}", parallax::normalize::clean_line(message))
}

/// Times the engine's stages from its callbacks: each call ends the
/// previous stage and prints its time.
#[derive(Default)]
struct StageTimer {
    current: std::sync::Mutex<Option<(Stage, std::time::Instant)>>,
}

impl StageTimer {
    fn lap(&self, stage: Stage) {
        let Ok(mut current) = self.current.lock() else { return };
        if let Some((previous, started)) = current.take() {
            eprintln!("{}: {:.1} ms", previous.describe(), started.elapsed().as_secs_f64() * 1000.0);
        }
        *current = Some((stage, std::time::Instant::now()));
    }
}
