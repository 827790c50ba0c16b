// Analogies and the persons they invoke, with the sentence they come from.
MATCH (a:Analogy)
WHERE a.label IS NOT NULL
OPTIONAL MATCH (a)-[:MENTIONS_PERSON]->(p)
WHERE p.label IS NOT NULL
RETURN a.label AS analogy, p.label AS person, a.definition AS definition
ORDER BY analogy, person
