//! `recommend`: the engine on the command line, for clinic staff and for tests.
//!
//! ```text
//! recommend [--rules FILE] [--lang en|fr] [ANSWERS.json | -]   print the recommendation
//! recommend lint RULES.json                                    check a clinic's rules file
//! ```
//! Exit codes: 0 success, 1 lint found errors, 2 invalid answers or usage.
//!
//! A host tool: it reads JSON with serde_json, which the browser app does not ship. Cargo
//! builds every binary for the wasm32 browser tests too, where this one is empty.

#[cfg(not(target_arch = "wasm32"))]
use std::{
    io::{Read, Write},
    process::ExitCode,
    time::{SystemTime, UNIX_EPOCH},
};

#[cfg(not(target_arch = "wasm32"))]
use treatment_finder::engine::{
    recommend, Answers, Area, Caution, Date, Downtime, Goal, Lang, Recent, Rules, Screening, MAX_AGE,
};

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage: recommend [--rules FILE] [--lang en|fr] [ANSWERS.json | -]\n       recommend lint RULES.json";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let result = arguments().and_then(|args| match args.first().map(String::as_str) {
        Some("lint") => lint(&args[1..]),
        Some("-h" | "--help") => output(&help()),
        _ => run(&args),
    });
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("recommend: {message}");
            ExitCode::from(2)
        }
    }
}

/// The usage and the answers contract, with every id the engine reads (taken from the
/// engine's own lists, so it cannot fall behind them).
#[cfg(not(target_arch = "wasm32"))]
fn help() -> String {
    fn ids<T: Copy>(all: &[T], id: fn(T) -> &'static str) -> String {
        all.iter().map(|x| id(*x)).collect::<Vec<_>>().join(", ")
    }
    format!(
        "{USAGE}\n\n\
         ANSWERS is a JSON object (- reads it from stdin):\n\
         \x20 goals       required, any of: {}\n\
         \x20 event_date  YYYY-MM-DD, required with the goal \"event\"\n\
         \x20 today       YYYY-MM-DD, optional (default: the system date)\n\
         \x20 age         required, a whole number 0-{MAX_AGE}\n\
         \x20 areas       optional (default [\"face\"]): {}\n\
         \x20 downtime    optional, visible redness accepted: {}\n\
         \x20 screening   required ([] for none), hard stops that mean consult, no plan: {}\n\
         \x20 recent      optional, waiting periods that move the first session later: {}\n\
         \x20 cautions    optional, soft warnings for the practitioner: {}\n\
         \n\
         Warning codes include event_too_close, event_course_shortened, course_after_event,\n\
         downtime_trade_off, redness_longer_than_accepted, goal_area_mismatch, caution.<id>.\n",
        ids(&Goal::ALL, Goal::id),
        ids(&Area::ALL, Area::id),
        ids(&Downtime::ALL, Downtime::id),
        ids(&Screening::ALL, Screening::id),
        ids(&Recent::ALL, Recent::id),
        ids(&Caution::ALL, Caution::id),
    )
}

/// The arguments, each as text: a file name that is not UTF-8 is a usage error, not a crash.
#[cfg(not(target_arch = "wasm32"))]
fn arguments() -> Result<Vec<String>, String> {
    std::env::args_os()
        .skip(1)
        .map(|arg| {
            arg.into_string()
                .map_err(|raw| format!("argument {:?} is not valid UTF-8; rename the file or pass it on stdin with -", raw))
        })
        .collect()
}

/// `message` with its control characters written as escapes (`\n`), so an error about
/// a value with a line break in it is still one line on stderr.
#[cfg(not(target_arch = "wasm32"))]
fn one_line(message: &str) -> String {
    message.chars().flat_map(|c| if c.is_control() { c.escape_default().collect() } else { vec![c] }).collect()
}

/// Writes `text` to stdout. A closed pipe (`recommend … | head -1`) or a full disk is
/// reported on stderr (exit 2) rather than a crash.
#[cfg(not(target_arch = "wasm32"))]
fn output(text: &str) -> Result<ExitCode, String> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut rules_path = None;
    let mut lang = Lang::En;
    let mut input = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--rules" => rules_path = Some(it.next().ok_or("--rules needs a file")?.clone()),
            "--lang" => {
                let tag = it.next().ok_or("--lang needs en or fr")?;
                lang = Lang::from_tag(tag).ok_or_else(|| format!("--lang: unknown language \"{tag}\" (use en or fr)"))?;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            path if input.is_none() => input = Some(path.to_string()),
            extra => return Err(format!("unexpected argument \"{extra}\"\n{USAGE}")),
        }
    }
    let rules = match rules_path {
        Some(path) => Rules::from_json(&read(&path)?).map_err(|e| format!("{path}: {e}"))?,
        None => Rules::default_rules(),
    };
    let text = read(input.as_deref().unwrap_or("-"))?;
    let mut answers = Answers::from_json(&text).map_err(|e| one_line(&e.to_string()))?;
    // The engine never reads a clock; on the command line, "today" is the system date
    // unless the answers carry one.
    if answers.today.is_none() {
        answers.today = Some(system_today());
    }
    let recommendation = recommend(&answers, &rules, lang).map_err(|e| e.to_string())?;
    let json = serde_json::to_string_pretty(&recommendation).map_err(|e| e.to_string())?;
    output(&format!("{json}\n"))
}

#[cfg(not(target_arch = "wasm32"))]
fn lint(args: &[String]) -> Result<ExitCode, String> {
    let [path] = args else { return Err(format!("lint needs exactly one rules file\n{USAGE}")) };
    let report = Rules::lint_json(&read(path)?);
    let mut text = String::new();
    for f in &report.errors {
        text += &format!("error: {}: {}\n", f.path, f.message);
    }
    for f in &report.warnings {
        text += &format!("warning: {}: {}\n", f.path, f.message);
    }
    text += &format!("{path}: {} error(s), {} warning(s)\n", report.errors.len(), report.warnings.len());
    output(&text)?;
    Ok(if report.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

#[cfg(not(target_arch = "wasm32"))]
fn read(path: &str) -> Result<String, String> {
    let mut text = String::new();
    if path == "-" {
        std::io::stdin().read_to_string(&mut text).map_err(|e| format!("stdin: {e}"))?;
    } else {
        text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn system_today() -> Date {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    Date::from_unix_days((secs / 86_400) as i64)
}
