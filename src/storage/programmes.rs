//! Reading programmes, their reported figures, scheme records and indicators.

use std::collections::HashMap;

use sqlx::Row;
use sqlx::any::AnyRow;

use super::Db;
use crate::domain::document::{
    AMOUNT_UNIT, CURRENCY, Period, Reported, ReportedAmount, ReportedCount, ScopeCount, SourceAmount,
};
use crate::domain::money::Money;
use crate::domain::reference::Names;
use crate::domain::views::{FundingLineView, IndicatorView, Keyed, ProgrammeDetail, ProgrammeSummary, SchemeView};

/// Where a page of programmes starts: after this (end_year, start_year, id) in list order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeKey {
    pub end_year: i64,
    pub start_year: i64,
    pub id: String,
}

/// Filters of the scheme-record list; `None` means no filter.
#[derive(Clone, Debug, Default)]
pub struct SchemeFilter {
    pub activity: Option<String>,
    pub scope: Option<String>,
    /// Records with a funding line naming this source or one below it.
    pub source: Option<String>,
}

fn names(row: &AnyRow, vi: &str, en: &str) -> Result<Names, sqlx::Error> {
    Ok(Names { vi: row.try_get(vi)?, en: row.try_get(en)? })
}

const RECORD_COUNTS: &str = r#"
    (SELECT CAST(COALESCE(SUM(s.records), 0) AS BIGINT) FROM record_sums s WHERE s.programme_id = p.id) AS scheme_records,
    (SELECT CAST(COALESCE(SUM(s.schemes), 0) AS BIGINT) FROM record_sums s WHERE s.programme_id = p.id) AS schemes_itemised"#;

impl Db {
    /// Programmes, newest period first, `limit` of them after `after`.
    /// Keyset pagination on (end_year DESC, start_year DESC, id ASC): stable under inserts.
    pub async fn programmes(
        &self,
        limit: i64,
        after: Option<&ProgrammeKey>,
    ) -> Result<Vec<ProgrammeSummary>, sqlx::Error> {
        let (end, start, id) =
            after.map_or((i64::MAX, i64::MAX, String::new()), |k| (k.end_year, k.start_year, k.id.clone()));
        let sql = format!(
            r#"SELECT p.id, p.name_vi, p.name_en, p.jurisdiction, p.start_year, p.end_year, {RECORD_COUNTS}
               FROM programmes p
               WHERE p.end_year < $1 OR (p.end_year = $1 AND (p.start_year < $2 OR (p.start_year = $2 AND p.id > $3)))
               ORDER BY p.end_year DESC, p.start_year DESC, p.id
               LIMIT $4"#
        );
        sqlx::query(&sql)
            .bind(end)
            .bind(start)
            .bind(id)
            .bind(limit)
            .fetch_all(self.reads())
            .await?
            .iter()
            .map(|row| {
                Ok(ProgrammeSummary {
                    id: row.try_get("id")?,
                    names: names(row, "name_vi", "name_en")?,
                    jurisdiction: row.try_get("jurisdiction")?,
                    period: Period { start_year: row.try_get("start_year")?, end_year: row.try_get("end_year")? },
                    scheme_records: row.try_get("scheme_records")?,
                    schemes_itemised: row.try_get("schemes_itemised")?,
                })
            })
            .collect()
    }

    pub async fn programme(&self, id: &str) -> Result<Option<ProgrammeDetail>, sqlx::Error> {
        let sql = format!("SELECT p.*, {RECORD_COUNTS} FROM programmes p WHERE p.id = $1");
        let Some(row) = sqlx::query(&sql).bind(id).fetch_optional(self.reads()).await? else {
            return Ok(None);
        };
        let meta = super::documents::metadata(&row)?;
        Ok(Some(ProgrammeDetail {
            id: row.try_get("id")?,
            names: meta.names,
            jurisdiction: meta.jurisdiction,
            period: meta.period,
            legal_basis: meta.legal_basis,
            implementing_agency: meta.implementing_agency,
            source: meta.source,
            scheme_records: row.try_get("scheme_records")?,
            schemes_itemised: row.try_get("schemes_itemised")?,
        }))
    }

    /// The programme's reported figures; None when the programme does not exist.
    pub async fn reported(&self, id: &str) -> Result<Option<Reported<Money>>, sqlx::Error> {
        let Some(row) = sqlx::query(
            "SELECT reported_schemes, reported_schemes_quote, reported_cost_dong, reported_cost_quote FROM programmes WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.reads())
        .await?
        else {
            return Ok(None);
        };
        let schemes = row
            .try_get::<Option<i64>, _>("reported_schemes")?
            .map(|value| Ok::<_, sqlx::Error>(ReportedCount { value, quote: row.try_get("reported_schemes_quote")? }))
            .transpose()?;
        let cost = row
            .try_get::<Option<i64>, _>("reported_cost_dong")?
            .map(|dong| {
                Ok::<_, sqlx::Error>(ReportedAmount {
                    amount: Money::from_dong(dong),
                    quote: row.try_get("reported_cost_quote")?,
                })
            })
            .transpose()?;
        let schemes_by_scope = sqlx::query(
            "SELECT c.scope, c.schemes, c.quote FROM reported_scheme_counts c JOIN scopes s ON s.key = c.scope WHERE c.programme_id = $1 ORDER BY s.position",
        )
        .bind(id)
        .fetch_all(self.reads())
        .await?
        .iter()
        .map(|r| Ok(ScopeCount { scope: r.try_get("scope")?, value: r.try_get("schemes")?, quote: r.try_get("quote")? }))
        .collect::<Result<_, sqlx::Error>>()?;
        let funding = sqlx::query(
            "SELECT f.source, f.amount_dong, f.quote FROM reported_funding f JOIN funding_sources s ON s.key = f.source WHERE f.programme_id = $1 ORDER BY s.position",
        )
        .bind(id)
        .fetch_all(self.reads())
        .await?
        .iter()
        .map(|r| {
            Ok(SourceAmount { source: r.try_get("source")?, amount: Money::from_dong(r.try_get("amount_dong")?), quote: r.try_get("quote")? })
        })
        .collect::<Result<_, sqlx::Error>>()?;
        Ok(Some(Reported { schemes, schemes_by_scope, cost, funding }))
    }

    /// Scheme records in document order, `limit` of them after position `after`, with their
    /// funding lines and indicators. Keyset pagination on the record's position.
    pub async fn schemes(
        &self,
        programme_id: &str,
        filter: &SchemeFilter,
        limit: i64,
        after: Option<i64>,
    ) -> Result<Vec<(i64, SchemeView)>, sqlx::Error> {
        let sql = format!(
            r#"SELECT r.position, r.id, r.activity, a.name_vi AS activity_vi, a.name_en AS activity_en,
                      r.scope, s.name_vi AS scope_vi, s.name_en AS scope_en,
                      r.title_vi, r.title_en, r.scheme_count, r.cost_dong, r.quote
               FROM scheme_records r
               JOIN activities a ON a.key = r.activity
               JOIN scopes s ON s.key = r.scope
               WHERE r.programme_id = $1 AND r.position > $2 {}
               ORDER BY r.position
               LIMIT $6"#,
            FILTER_SQL
        );
        let rows = sqlx::query(&sql)
            .bind(programme_id)
            .bind(after.unwrap_or(-1))
            .bind(&filter.activity)
            .bind(&filter.scope)
            .bind(&filter.source)
            .bind(limit)
            .fetch_all(self.reads())
            .await?;
        let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
            return Ok(Vec::new());
        };
        let range = (first.try_get::<i64, _>("position")?, last.try_get::<i64, _>("position")?);
        let mut lines = self.funding_lines(programme_id, range).await?;
        let mut indicators = self.indicator_values(programme_id, range).await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let view = SchemeView {
                    activity: Keyed { key: row.try_get("activity")?, names: names(row, "activity_vi", "activity_en")? },
                    scope: Keyed { key: row.try_get("scope")?, names: names(row, "scope_vi", "scope_en")? },
                    title: names(row, "title_vi", "title_en")?,
                    scheme_count: row.try_get("scheme_count")?,
                    currency: CURRENCY,
                    amount_unit: AMOUNT_UNIT,
                    cost: Money::from_dong(row.try_get("cost_dong")?),
                    funding: lines.remove(&id).unwrap_or_default(),
                    indicators: indicators.remove(&id).unwrap_or_default(),
                    quote: row.try_get("quote")?,
                    id,
                };
                Ok((row.try_get("position")?, view))
            })
            .collect()
    }

    pub async fn scheme(&self, programme_id: &str, scheme_id: &str) -> Result<Option<SchemeView>, sqlx::Error> {
        let position: Option<i64> =
            sqlx::query("SELECT position FROM scheme_records WHERE programme_id = $1 AND id = $2")
                .bind(programme_id)
                .bind(scheme_id)
                .fetch_optional(self.reads())
                .await?
                .map(|r| r.try_get(0))
                .transpose()?;
        let Some(position) = position else {
            return Ok(None);
        };
        let mut page = self.schemes(programme_id, &SchemeFilter::default(), 1, Some(position - 1)).await?;
        Ok(page.pop().map(|(_, view)| view))
    }

    async fn funding_lines(
        &self,
        programme_id: &str,
        (from, to): (i64, i64),
    ) -> Result<HashMap<String, Vec<FundingLineView>>, sqlx::Error> {
        let rows = sqlx::query(
            r#"SELECT f.scheme_id, f.source, s.parent, f.amount_dong
               FROM funding_lines f
               JOIN scheme_records r ON r.programme_id = f.programme_id AND r.id = f.scheme_id
               JOIN funding_sources s ON s.key = f.source
               WHERE f.programme_id = $1 AND r.position BETWEEN $2 AND $3
               ORDER BY r.position, f.position"#,
        )
        .bind(programme_id)
        .bind(from)
        .bind(to)
        .fetch_all(self.reads())
        .await?;
        let mut out: HashMap<String, Vec<FundingLineView>> = HashMap::new();
        for row in &rows {
            out.entry(row.try_get("scheme_id")?).or_default().push(FundingLineView {
                source: row.try_get("source")?,
                parent: row.try_get("parent")?,
                amount: Money::from_dong(row.try_get("amount_dong")?),
            });
        }
        Ok(out)
    }

    async fn indicator_values(
        &self,
        programme_id: &str,
        (from, to): (i64, i64),
    ) -> Result<HashMap<String, Vec<IndicatorView>>, sqlx::Error> {
        let rows = sqlx::query(
            r#"SELECT i.scheme_id, i.key, i.value, d.unit, d.name_vi, d.name_en, d.additive
               FROM indicators i
               JOIN scheme_records r ON r.programme_id = i.programme_id AND r.id = i.scheme_id
               JOIN indicator_definitions d ON d.programme_id = i.programme_id AND d.key = i.key
               WHERE i.programme_id = $1 AND r.position BETWEEN $2 AND $3
               ORDER BY r.position, i.position"#,
        )
        .bind(programme_id)
        .bind(from)
        .bind(to)
        .fetch_all(self.reads())
        .await?;
        let mut out: HashMap<String, Vec<IndicatorView>> = HashMap::new();
        for row in &rows {
            out.entry(row.try_get("scheme_id")?).or_default().push(IndicatorView {
                key: row.try_get("key")?,
                value: row.try_get("value")?,
                unit: row.try_get("unit")?,
                names: names(row, "name_vi", "name_en")?,
                additive: row.try_get::<i64, _>("additive")? == 1,
            });
        }
        Ok(out)
    }

    /// Every indicator definition of the programme with every record's value, in definition
    /// then record order: (definition, values as (scheme id, value)).
    pub async fn indicators(
        &self,
        programme_id: &str,
    ) -> Result<Vec<(IndicatorDefinitionRow, Vec<(String, String)>)>, sqlx::Error> {
        let definitions = sqlx::query(
            "SELECT key, name_vi, name_en, unit, additive FROM indicator_definitions WHERE programme_id = $1 ORDER BY position",
        )
        .bind(programme_id)
        .fetch_all(self.reads())
        .await?;
        let values = sqlx::query(
            r#"SELECT i.key, i.scheme_id, i.value FROM indicators i
               JOIN scheme_records r ON r.programme_id = i.programme_id AND r.id = i.scheme_id
               WHERE i.programme_id = $1 ORDER BY r.position"#,
        )
        .bind(programme_id)
        .fetch_all(self.reads())
        .await?;
        let mut by_key: HashMap<String, Vec<(String, String)>> = HashMap::new();
        for row in &values {
            by_key.entry(row.try_get("key")?).or_default().push((row.try_get("scheme_id")?, row.try_get("value")?));
        }
        definitions
            .iter()
            .map(|row| {
                let key: String = row.try_get("key")?;
                let values = by_key.remove(&key).unwrap_or_default();
                let definition = IndicatorDefinitionRow {
                    names: names(row, "name_vi", "name_en")?,
                    unit: row.try_get("unit")?,
                    additive: row.try_get::<i64, _>("additive")? == 1,
                    key,
                };
                Ok((definition, values))
            })
            .collect()
    }
}

/// An indicator definition as stored.
#[derive(Clone, Debug)]
pub struct IndicatorDefinitionRow {
    pub key: String,
    pub names: Names,
    pub unit: String,
    pub additive: bool,
}

/// The optional filters of the scheme list, bound as $3 (activity), $4 (scope), $5 (source);
/// a NULL parameter disables its filter.
const FILTER_SQL: &str = r#"
    AND ($3 IS NULL OR r.activity = $3)
    AND ($4 IS NULL OR r.scope = $4)
    AND ($5 IS NULL OR EXISTS (
        SELECT 1 FROM funding_lines f JOIN funding_source_closure c ON c.source = f.source
        WHERE f.programme_id = r.programme_id AND f.scheme_id = r.id AND c.ancestor = $5))"#;
