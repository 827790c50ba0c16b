// Analogies and the persons they invoke, with the sentence they come from.
MATCH (a:Analogy)
UNWIND a.allLabels AS analogy
OPTIONAL MATCH (a)-[:MENTIONS_PERSON]->(p)
WHERE p.allLabels IS NOT NULL
UNWIND coalesce(p.allLabels, [null]) AS person
UNWIND coalesce(a.definition, [null]) AS definition
RETURN analogy, person, definition
ORDER BY analogy, person
