//! The `khuyencong` binary: reads the settings and runs the chosen command.

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use khuyencong::configuration::{Cli, Command, TokenCommand};
use khuyencong::http::openapi;
use khuyencong::http::telemetry;
use khuyencong::startup::{self, Application, prepare_database};
use khuyencong::storage::seeds;
use khuyencong::storage::{Actor, Db};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let _logs = telemetry::init(cli.settings.log_format);
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line naming the cause, for a person at a terminal.
            eprintln!("khuyencong: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = cli.settings;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => Application::build(&settings).await?.run_until_stopped().await?,
        Command::Migrate => {
            let db = Db::connect(&settings.db_options()).await?;
            db.migrate().await?;
            println!("migrations applied");
        }
        Command::Seed => {
            let db = prepare_database(&settings).await?;
            let files = seeds::files(settings.seeds_dir.as_deref())?;
            let loaded = seeds::load(&db, &files, true).await?;
            match loaded.is_empty() {
                true => println!("every seed file is already what the database holds: nothing written"),
                false => println!("loaded {} seed file(s): {}", loaded.len(), loaded.join(", ")),
            }
        }
        Command::Openapi => println!("{}", startup::openapi_document().to_pretty_json()?),
        Command::Schema => {
            let schema = openapi::programme_document_schema(&startup::openapi_document());
            println!("{}", serde_json::to_string_pretty(&schema)?)
        }
        Command::Import { file } => {
            let db = prepare_database(&settings).await?;
            let text = if file.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin()).context("cannot read standard input")?
            } else {
                std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?
            };
            let name = file.display().to_string();
            let reference = db.reference().await?;
            let valid = seeds::parse(&seeds::SeedFile { name, text }, &reference)?;
            let version = db.replace_programme(&valid, &Actor::local("cli")).await?;
            let lang = khuyencong::i18n::Lang::of_environment();
            let warnings = khuyencong::domain::aggregates::totals::warnings(
                &valid.programme.id,
                &valid.programme.reported,
                &valid.sums,
                &reference,
            );
            println!("imported programme {} at version {version}", valid.programme.id);
            for warning in lang.say_all(&warnings) {
                println!("warning: {warning}");
            }
        }
        Command::Draft { file } => {
            use khuyencong::domain::draft;
            let bytes = if file.as_os_str() == "-" {
                let mut bytes = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).context("cannot read standard input")?;
                bytes
            } else {
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?
            };
            let lang = khuyencong::i18n::Lang::of_environment();
            let text = draft::prepare(&bytes).map_err(|why| anyhow::anyhow!(lang.say(&why.message())))?;
            let drafted = draft::draft(&text, &khuyencong::domain::jurisdiction::Jurisdictions::built_in());
            println!("{}", khuyencong::i18n::in_language(lang, || serde_json::to_string_pretty(&drafted))?);
        }
        Command::Export { id } => {
            let db = Db::open_existing(&settings.db_options()).await?;
            let mut snapshot = db.snapshot().await?;
            let (programme, _) = snapshot.document(&id).await?.with_context(|| format!("no programme {id:?}"))?;
            snapshot.finish().await?;
            print!("{}", programme.canonical_json());
        }
        Command::Generate { provinces, periods, records, seed, kinds, today_periods, approximate } => {
            let plan =
                Generation { provinces: provinces.into(), periods, records, seed, kinds, today_periods, approximate };
            generate(&settings, plan).await?
        }
        Command::Token(command) => token(&settings, command).await?,
    }
    Ok(())
}

async fn token(settings: &khuyencong::configuration::Settings, command: TokenCommand) -> anyhow::Result<()> {
    // The server's database, as it is: a token for a database that does not exist is no token.
    let db = Db::open_existing(&settings.db_options()).await?;
    match command {
        TokenCommand::Create { name, scope, expires_in_days } => {
            anyhow::ensure!(!name.trim().is_empty() && name.len() <= 100, "--name must be 1 to 100 characters");
            let expires_at = expires_in_days.map(|days| {
                let at = time::OffsetDateTime::now_utc()
                    .replace_nanosecond(0)
                    .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
                    + time::Duration::days(i64::from(days));
                at.format(&time::format_description::well_known::Rfc3339).expect("RFC 3339 formats any UTC time")
            });
            if let Some(existing) = db.token_named(&name).await? {
                anyhow::bail!(
                    "a token named {name:?} exists already (id {}): token names are unique; choose another name",
                    existing.id
                );
            }
            let new = khuyencong::http::auth::generate();
            db.create_token(&new.id, &name, scope.as_str(), &new.secret_sha256, expires_at.as_deref()).await?;
            eprintln!(
                "token {} for {name:?}, scope {}, expires {}; shown once, keep it secret:",
                new.id,
                scope.as_str(),
                expires_at.as_deref().unwrap_or("never")
            );
            println!("{}", new.token);
        }
        TokenCommand::List => {
            println!("{:<16}  {:<24}  {:<5}  {:<20}  {:<20}  revoked", "id", "name", "scope", "created", "expires");
            for t in db.tokens().await? {
                println!(
                    "{:<16}  {:<24}  {:<5}  {:<20}  {:<20}  {}",
                    t.id,
                    t.name,
                    t.scope,
                    t.created_at,
                    t.expires_at.as_deref().unwrap_or("never"),
                    t.revoked_at.as_deref().unwrap_or("-")
                );
            }
        }
        TokenCommand::Revoke { id_or_name } => {
            // An id or a name, never both: a text that is one token's id and another's name is refused.
            let by_id = db.token(&id_or_name).await?;
            let by_name = db.token_named(&id_or_name).await?;
            let token = match (by_id, by_name) {
                (Some(a), Some(b)) if a.id != b.id => anyhow::bail!(
                    "{id_or_name:?} is the id of token {:?} and the name of token {}: revoke by the other's id",
                    a.name,
                    b.id
                ),
                (Some(token), _) | (None, Some(token)) => token,
                (None, None) => anyhow::bail!("no token has the id or name {id_or_name:?}"),
            };
            anyhow::ensure!(
                db.revoke_token(&token.id).await?,
                "token {} ({:?}) was revoked already",
                token.id,
                token.name
            );
            println!("revoked token {} ({:?})", token.id, token.name);
        }
    }
    Ok(())
}

/// What `generate` is asked for.
struct Generation {
    provinces: usize,
    periods: Vec<String>,
    records: usize,
    seed: u64,
    kinds: Vec<String>,
    today_periods: Vec<String>,
    approximate: bool,
}

/// `generate`: synthetic programmes through validation and the audited write, timed.
async fn generate(settings: &khuyencong::configuration::Settings, plan: Generation) -> anyhow::Result<()> {
    use khuyencong::cli::synthetic;
    use khuyencong::domain::document::Kind;
    let periods = |texts: &[String]| {
        texts
            .iter()
            .map(|p| synthetic::parse_period(p).with_context(|| format!("{p:?} is not a period like 2021-2025")))
            .collect::<anyhow::Result<Vec<_>>>()
    };
    let (before, today) = (periods(&plan.periods)?, periods(&plan.today_periods)?);
    let kinds = plan
        .kinds
        .iter()
        .map(|k| Kind::parse(k).with_context(|| format!("{k:?} is not a kind: result or plan")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let records = plan.records;
    let db = prepare_database(settings).await?;
    let reference = db.reference().await?;
    let jurisdictions = db.jurisdictions().await?;
    // The units in force today (not the nation): (slug, name).
    let units: Vec<(String, String)> = jurisdictions
        .units
        .iter()
        .filter(|u| u.valid_to.is_none() && u.level != "national")
        .map(|u| (u.id.clone(), u.names.vi.clone()))
        .collect();
    // Each programme wanted: its unit (slug, name) and its period.
    type Unit<'a> = (&'a str, &'a str);
    let mut wanted: Vec<(Unit<'_>, (i64, i64))> = Vec::new();
    for &province in &synthetic::PROVINCES[..plan.provinces] {
        wanted.extend(before.iter().map(|period| (province, *period)));
    }
    for (slug, name) in &units {
        wanted.extend(today.iter().map(|period| ((slug.as_str(), name.as_str()), *period)));
    }
    let started = std::time::Instant::now();
    let (mut writing, mut programmes) = (std::time::Duration::ZERO, 0);
    for (unit, period) in wanted {
        for &kind in &kinds {
            let shape = synthetic::Shape { kind, approximate: plan.approximate };
            let document = synthetic::programme(unit, period, records, plan.seed, shape);
            let programme = khuyencong::domain::validate(document, &reference).map_err(|v| {
                anyhow::anyhow!("a generated document is invalid: {} {}", v.first[0].pointer, v.first[0].detail)
            })?;
            let write = std::time::Instant::now();
            db.replace_programme(&programme, &Actor::local("generate")).await?;
            writing += write.elapsed();
            programmes += 1;
        }
    }
    let total = programmes * records;
    println!(
        "generated {programmes} programme(s), {total} scheme records; writing took {:.2} s ({:.0} records/s), {:.2} s in all",
        writing.as_secs_f64(),
        total as f64 / writing.as_secs_f64().max(1e-9),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
