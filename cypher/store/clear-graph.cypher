// Removes every node and relationship (used by a replacing load, inside its transaction).
MATCH (n)
DETACH DELETE n
