//! Grouped sums for totals and breakdowns, from the sums kept per programme (and, for the split
//! by source, from the lines): SQL groups, `domain` does the arithmetic.

use sqlx::Row;

use super::Db;
use crate::domain::breakdown::{Dimension, SourceCounts};
use crate::domain::money::Money;
use crate::domain::sums::{GroupSums, LineSums};

/// The column a grouped dimension reads. Never user text: only these two constants reach SQL.
fn column(by: Dimension) -> &'static str {
    match by {
        Dimension::Activity => "activity",
        Dimension::Scope => "scope",
        Dimension::Source => unreachable!("the source dimension groups funding lines, not records"),
    }
}

impl Db {
    /// Schemes and cost of the programme's records, grouped by activity or scope.
    pub async fn group_sums(&self, programme_id: &str, by: Dimension) -> Result<Vec<GroupSums>, sqlx::Error> {
        let sql = format!(
            r#"SELECT {col} AS key, CAST(SUM(schemes) AS BIGINT) AS schemes, CAST(SUM(cost_dong) AS BIGINT) AS cost
               FROM record_sums WHERE programme_id = $1 GROUP BY {col}"#,
            col = column(by)
        );
        sqlx::query(&sql)
            .bind(programme_id)
            .fetch_all(self.reads())
            .await?
            .iter()
            .map(|row| {
                Ok(GroupSums {
                    key: row.try_get("key")?,
                    schemes: row.try_get("schemes")?,
                    cost: Money::from_dong(row.try_get("cost")?),
                })
            })
            .collect()
    }

    /// Funding lines summed per source that they name exactly, grouped by activity or scope, or
    /// programme-wide (`None`: the group is empty).
    pub async fn line_sums(&self, programme_id: &str, by: Option<Dimension>) -> Result<Vec<LineSums>, sqlx::Error> {
        // From the sums kept per programme (a few dozen rows). Programme-wide sums are the sums
        // by scope, added up here per source.
        let sql = format!(
            r#"SELECT {col} AS grp, source, CAST(SUM(amount_dong) AS BIGINT) AS amount
               FROM line_sums WHERE programme_id = $1 GROUP BY {col}, source"#,
            col = column(by.unwrap_or(Dimension::Scope))
        );
        let rows = sqlx::query(&sql).bind(programme_id).fetch_all(self.reads()).await?;
        let mut sums: Vec<LineSums> = Vec::with_capacity(rows.len());
        for row in &rows {
            let (group, source): (String, String) = (row.try_get("grp")?, row.try_get("source")?);
            let amount = Money::from_dong(row.try_get("amount")?);
            match by {
                Some(_) => sums.push(LineSums { group, source, amount }),
                None => match sums.iter_mut().find(|s| s.source == source) {
                    Some(sum) => sum.amount = sum.amount + amount,
                    None => sums.push(LineSums { group: String::new(), source, amount }),
                },
            }
        }
        Ok(sums)
    }

    /// For a split by source: per source, the schemes of records with any line under it; and
    /// the schemes of records whose lines leave part of their cost unattributed.
    pub async fn source_counts(&self, programme_id: &str) -> Result<SourceCounts, sqlx::Error> {
        let schemes_under = sqlx::query(
            r#"SELECT u.ancestor, CAST(SUM(r.scheme_count) AS BIGINT) AS schemes
               FROM (SELECT DISTINCT f.scheme_id, c.ancestor
                     FROM funding_lines f JOIN funding_source_closure c ON c.source = f.source
                     WHERE f.programme_id = $1) u
               JOIN scheme_records r ON r.programme_id = $1 AND r.id = u.scheme_id
               GROUP BY u.ancestor"#,
        )
        .bind(programme_id)
        .fetch_all(self.reads())
        .await?
        .iter()
        .map(|row| Ok((row.try_get("ancestor")?, row.try_get("schemes")?)))
        .collect::<Result<_, sqlx::Error>>()?;
        let schemes_unattributed = sqlx::query(
            r#"SELECT CAST(COALESCE(SUM(r.scheme_count), 0) AS BIGINT)
               FROM scheme_records r
               WHERE r.programme_id = $1
                 AND r.cost_dong > (SELECT COALESCE(SUM(f.amount_dong), 0) FROM funding_lines f
                                    WHERE f.programme_id = r.programme_id AND f.scheme_id = r.id)"#,
        )
        .bind(programme_id)
        .fetch_one(self.reads())
        .await?
        .try_get(0)?;
        Ok(SourceCounts { schemes_under, schemes_unattributed })
    }
}
