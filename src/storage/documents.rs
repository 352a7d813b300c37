//! Reading a whole programme back into its document form (for export, audit and edits).

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::Stamp;

use crate::domain::document::{
    AMOUNT_UNIT, CURRENCY, IndicatorDefinition, IndicatorValue, LegalBasis, Period, Programme, Reported,
    ReportedAmount, ReportedCount, SchemeRecord, ScopeCount, SourceAmount, SourceDocument,
};
use crate::domain::money::Money;
use crate::domain::reference::Names;

fn names(row: &AnyRow, vi: &str, en: &str) -> Result<Names, sqlx::Error> {
    Ok(Names { vi: row.try_get(vi)?, en: row.try_get(en)? })
}

/// What describes a programme, as one row of `programmes` holds it.
pub(super) struct Metadata {
    pub names: Names,
    pub jurisdiction: String,
    pub period: Period,
    pub legal_basis: Option<LegalBasis>,
    pub implementing_agency: Option<Names>,
    pub source: SourceDocument,
}

pub(super) fn metadata(row: &AnyRow) -> Result<Metadata, sqlx::Error> {
    let legal_basis = match row.try_get::<Option<String>, _>("legal_basis_title")? {
        Some(title) => Some(LegalBasis {
            title,
            number: row.try_get("legal_basis_number")?,
            date: row.try_get("legal_basis_date")?,
            issuer: row.try_get("legal_basis_issuer")?,
            quote: row.try_get("legal_basis_quote")?,
        }),
        None => None,
    };
    let implementing_agency =
        match (row.try_get::<Option<String>, _>("agency_vi")?, row.try_get::<Option<String>, _>("agency_en")?) {
            (Some(vi), Some(en)) => Some(Names { vi, en }),
            _ => None,
        };
    Ok(Metadata {
        names: names(row, "name_vi", "name_en")?,
        jurisdiction: row.try_get("jurisdiction")?,
        period: Period { start_year: row.try_get("start_year")?, end_year: row.try_get("end_year")? },
        legal_basis,
        implementing_agency,
        source: SourceDocument {
            title: row.try_get("source_title")?,
            publisher: row.try_get("source_publisher")?,
            date: row.try_get("source_date")?,
            url: row.try_get("source_url")?,
            note: row.try_get("source_note")?,
        },
    })
}

/// The programme `id` as a document, in canonical order (reported entries in reference order,
/// records, lines and indicators in the order they were written), with its version.
pub async fn load(conn: &mut AnyConnection, id: &str) -> Result<Option<(Programme, Stamp)>, sqlx::Error> {
    let Some(row) = sqlx::query("SELECT * FROM programmes WHERE id = $1").bind(id).fetch_optional(&mut *conn).await?
    else {
        return Ok(None);
    };
    let stamp = Stamp { version: row.try_get("version")?, modified: row.try_get("updated_at")? };
    let schemes_reported = row
        .try_get::<Option<i64>, _>("reported_schemes")?
        .map(|value| -> Result<_, sqlx::Error> {
            Ok(ReportedCount { value, quote: row.try_get("reported_schemes_quote")? })
        })
        .transpose()?;
    let cost_reported = row
        .try_get::<Option<i64>, _>("reported_cost_dong")?
        .map(|dong| -> Result<_, sqlx::Error> {
            Ok(ReportedAmount { amount: Money::from_dong(dong), quote: row.try_get("reported_cost_quote")? })
        })
        .transpose()?;

    let schemes_by_scope = sqlx::query(
        "SELECT c.scope, c.schemes, c.quote FROM reported_scheme_counts c JOIN scopes s ON s.key = c.scope WHERE c.programme_id = $1 ORDER BY s.position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| Ok(ScopeCount { scope: r.try_get("scope")?, value: r.try_get("schemes")?, quote: r.try_get("quote")? }))
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let funding = sqlx::query(
        "SELECT f.source, f.amount_dong, f.quote FROM reported_funding f JOIN funding_sources s ON s.key = f.source WHERE f.programme_id = $1 ORDER BY s.position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| Ok(SourceAmount { source: r.try_get("source")?, amount: Money::from_dong(r.try_get("amount_dong")?), quote: r.try_get("quote")? }))
    .collect::<Result<Vec<_>, sqlx::Error>>()?;

    let indicator_definitions = sqlx::query(
        "SELECT key, name_vi, name_en, unit, additive FROM indicator_definitions WHERE programme_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(IndicatorDefinition {
            key: r.try_get("key")?,
            names: names(r, "name_vi", "name_en")?,
            unit: r.try_get("unit")?,
            additive: r.try_get::<i64, _>("additive")? == 1,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;

    let mut lines: HashMap<String, Vec<SourceAmount<Money>>> = HashMap::new();
    for r in sqlx::query(
        "SELECT scheme_id, source, amount_dong FROM funding_lines WHERE programme_id = $1 ORDER BY scheme_id, position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    {
        lines.entry(r.try_get("scheme_id")?).or_default().push(SourceAmount {
            source: r.try_get("source")?,
            amount: Money::from_dong(r.try_get("amount_dong")?),
            quote: None,
        });
    }
    let mut indicators: HashMap<String, Vec<IndicatorValue>> = HashMap::new();
    for r in
        sqlx::query("SELECT scheme_id, key, value FROM indicators WHERE programme_id = $1 ORDER BY scheme_id, position")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
    {
        indicators
            .entry(r.try_get("scheme_id")?)
            .or_default()
            .push(IndicatorValue { key: r.try_get("key")?, value: r.try_get("value")? });
    }
    let schemes = sqlx::query(
        "SELECT id, scheme_count, activity, scope, title_vi, title_en, cost_dong, quote FROM scheme_records WHERE programme_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        let scheme_id: String = r.try_get("id")?;
        Ok(SchemeRecord {
            scheme_count: r.try_get("scheme_count")?,
            activity: r.try_get("activity")?,
            scope: r.try_get("scope")?,
            title: names(r, "title_vi", "title_en")?,
            cost: Money::from_dong(r.try_get("cost_dong")?),
            funding: lines.remove(&scheme_id).unwrap_or_default(),
            indicators: indicators.remove(&scheme_id).unwrap_or_default(),
            quote: r.try_get("quote")?,
            id: scheme_id,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;

    let meta = metadata(&row)?;
    let programme = Programme {
        id: row.try_get("id")?,
        currency: CURRENCY.to_string(),
        amount_unit: AMOUNT_UNIT.to_string(),
        names: meta.names,
        jurisdiction: meta.jurisdiction,
        period: meta.period,
        legal_basis: meta.legal_basis,
        implementing_agency: meta.implementing_agency,
        source: meta.source,
        reported: Reported { schemes: schemes_reported, schemes_by_scope, cost: cost_reported, funding },
        indicator_definitions,
        schemes,
    };
    Ok(Some((programme, stamp)))
}
