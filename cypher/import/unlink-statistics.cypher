// Removes the links of statistics (to subject, destination, origin, sector, publisher and source),
// before an import writes them again from the statistics' changed fields.
UNWIND $ids AS id
MATCH (s:Statistic {id: id})-[r:MEASURES|DESTINATION|ORIGIN|FOR_SECTOR|PUBLISHED_BY|STATED_IN]->()
DELETE r
