// Number of relationships of each type.
MATCH ()-[r]->()
RETURN label(r) AS type, count(*) AS count
