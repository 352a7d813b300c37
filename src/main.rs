//! The `khuyencong` binary: reads the settings and runs the chosen command.

use std::process::ExitCode;

use clap::Parser;
use khuyencong::configuration::{Cli, Command};
use khuyencong::startup::{Application, prepare_database};
use khuyencong::storage::Db;
use khuyencong::{openapi, seeds, telemetry};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    telemetry::init(cli.settings.log_format);
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
        Command::Serve => {
            Application::build(&settings)
                .await?
                .run_until_stopped()
                .await?
        }
        Command::Migrate => {
            let db = Db::connect(&settings.db_options()).await?;
            db.migrate().await?;
            println!("migrations applied");
        }
        Command::Seed => {
            let db = prepare_database(&settings).await?;
            let files = seeds::files(settings.seeds_dir.as_deref())?;
            let loaded = seeds::load(&db, &files, true).await?;
            println!(
                "loaded {} seed file(s): {}",
                loaded.len(),
                loaded.join(", ")
            );
        }
        Command::Openapi => {
            println!("{}", openapi::document().to_pretty_json()?);
        }
    }
    Ok(())
}
