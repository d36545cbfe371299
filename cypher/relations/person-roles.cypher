// The organisations people work for, with the role each source gives.
UNWIND $personIds AS personId
MATCH (:Person {id: personId})-[r:WORKS_FOR]->(organisation:Company|Association|Agency|Country)
RETURN personId, organisation, r.role AS role, r.source AS sourceId, r.asOf AS asOf
ORDER BY personId, r.asOf DESC
