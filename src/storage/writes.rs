//! Writing programmes: whole-document replacement and the once-only seed load.

use sqlx::{AnyConnection, Row};

use super::{Db, now_text};
use crate::domain::document::Programme;

impl Db {
    /// Creates or replaces a whole programme in one transaction; returns its new version.
    pub async fn replace_programme(&self, programme: &Programme) -> Result<i64, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let version = write_programme(&mut tx, programme).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Deletes a programme and everything it holds; returns whether it existed.
    pub async fn delete_programme(&self, id: &str) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let deleted = sqlx::query("DELETE FROM programmes WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            > 0;
        tx.commit().await?;
        Ok(deleted)
    }

    /// Loads a seed file's programme unless this seed was loaded before (or `force`), in one
    /// transaction with the record that it was loaded. Returns whether it loaded.
    ///
    /// Safe when several instances start at once: the first `INSERT` into `seed_runs` takes the
    /// row (and on SQLite the write lock); a concurrent one waits for it, then finds the row and
    /// loads nothing.
    pub async fn load_seed(
        &self,
        name: &str,
        programme: &Programme,
        force: bool,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let claimed = sqlx::query(
            "INSERT INTO seed_runs (name, loaded_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(now_text())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !claimed && !force {
            return Ok(false);
        }
        if !claimed {
            sqlx::query("UPDATE seed_runs SET loaded_at = $2 WHERE name = $1")
                .bind(name)
                .bind(now_text())
                .execute(&mut *tx)
                .await?;
        }
        write_programme(&mut tx, programme).await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// Replaces the programme's rows inside the caller's transaction; returns the new version.
async fn write_programme(tx: &mut AnyConnection, p: &Programme) -> Result<i64, sqlx::Error> {
    let previous: Option<i64> = sqlx::query("SELECT version FROM programmes WHERE id = $1")
        .bind(&p.id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.get(0));
    let version = previous.map_or(1, |v| v + 1);
    // Children go with the programme (ON DELETE CASCADE).
    sqlx::query("DELETE FROM programmes WHERE id = $1")
        .bind(&p.id)
        .execute(&mut *tx)
        .await?;

    let basis = p.legal_basis.as_ref();
    sqlx::query(
        r#"INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year,
               legal_basis_title, legal_basis_number, legal_basis_date, legal_basis_issuer, legal_basis_quote,
               agency_vi, agency_en, source_title, source_publisher, source_date, source_url, source_note,
               reported_schemes, reported_schemes_quote, reported_cost_dong, reported_cost_quote, version, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)"#,
    )
    .bind(&p.id)
    .bind(&p.names.vi)
    .bind(&p.names.en)
    .bind(&p.jurisdiction)
    .bind(p.period.start_year)
    .bind(p.period.end_year)
    .bind(basis.map(|b| b.title.clone()))
    .bind(basis.and_then(|b| b.number.clone()))
    .bind(basis.and_then(|b| b.date.clone()))
    .bind(basis.and_then(|b| b.issuer.clone()))
    .bind(basis.and_then(|b| b.quote.clone()))
    .bind(p.implementing_agency.as_ref().map(|a| a.vi.clone()))
    .bind(p.implementing_agency.as_ref().map(|a| a.en.clone()))
    .bind(&p.source.title)
    .bind(&p.source.publisher)
    .bind(&p.source.date)
    .bind(&p.source.url)
    .bind(&p.source.note)
    .bind(p.reported.schemes.as_ref().map(|s| s.value))
    .bind(p.reported.schemes.as_ref().and_then(|s| s.quote.clone()))
    .bind(p.reported.cost.as_ref().map(|c| c.amount.to_dong()))
    .bind(p.reported.cost.as_ref().and_then(|c| c.quote.clone()))
    .bind(version)
    .bind(now_text())
    .execute(&mut *tx)
    .await?;

    for entry in &p.reported.schemes_by_scope {
        sqlx::query("INSERT INTO reported_scheme_counts (programme_id, scope, schemes, quote) VALUES ($1, $2, $3, $4)")
            .bind(&p.id)
            .bind(&entry.scope)
            .bind(entry.value)
            .bind(&entry.quote)
            .execute(&mut *tx)
            .await?;
    }
    for entry in &p.reported.funding {
        sqlx::query("INSERT INTO reported_funding (programme_id, source, amount_dong, quote) VALUES ($1, $2, $3, $4)")
            .bind(&p.id)
            .bind(&entry.source)
            .bind(entry.amount.to_dong())
            .bind(&entry.quote)
            .execute(&mut *tx)
            .await?;
    }
    for (position, def) in p.indicator_definitions.iter().enumerate() {
        sqlx::query(
            "INSERT INTO indicator_definitions (programme_id, key, position, name_vi, name_en, unit, additive) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&p.id)
        .bind(&def.key)
        .bind(position as i64)
        .bind(&def.names.vi)
        .bind(&def.names.en)
        .bind(&def.unit)
        .bind(i64::from(def.additive))
        .execute(&mut *tx)
        .await?;
    }
    for (position, record) in p.schemes.iter().enumerate() {
        sqlx::query(
            r#"INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong, quote)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"#,
        )
        .bind(&p.id)
        .bind(&record.id)
        .bind(position as i64)
        .bind(&record.activity)
        .bind(&record.scope)
        .bind(&record.title.vi)
        .bind(&record.title.en)
        .bind(record.scheme_count)
        .bind(record.cost.to_dong())
        .bind(&record.quote)
        .execute(&mut *tx)
        .await?;
        for (line_position, line) in record.funding.iter().enumerate() {
            sqlx::query("INSERT INTO funding_lines (programme_id, scheme_id, source, position, amount_dong) VALUES ($1, $2, $3, $4, $5)")
                .bind(&p.id)
                .bind(&record.id)
                .bind(&line.source)
                .bind(line_position as i64)
                .bind(line.amount.to_dong())
                .execute(&mut *tx)
                .await?;
        }
        for (indicator_position, indicator) in record.indicators.iter().enumerate() {
            sqlx::query("INSERT INTO indicators (programme_id, scheme_id, key, position, value) VALUES ($1, $2, $3, $4, $5)")
                .bind(&p.id)
                .bind(&record.id)
                .bind(&indicator.key)
                .bind(indicator_position as i64)
                .bind(&indicator.value)
                .execute(&mut *tx)
                .await?;
        }
    }
    Ok(version)
}
