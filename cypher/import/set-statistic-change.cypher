// Sets the change a source reports for statistics that have one (see upsert-statistic).
UNWIND $rows AS row
MATCH (n:Statistic {id: row.id})
SET n.changePercent = row.changePercent, n.changeComparedTo = row.changeComparedTo
