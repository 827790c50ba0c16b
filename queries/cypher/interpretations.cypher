// How each perspective interprets each concept, side by side, with who holds the perspective.
MATCH (i:Interpretation)-[:INTERPRETS]->(c), (i)-[:FROM_PERSPECTIVE]->(p)
UNWIND c.allLabels AS concept
UNWIND p.allLabels AS perspective
UNWIND i.statement AS statement
OPTIONAL MATCH (h)-[:HOLDS_PERSPECTIVE]->(p)
WHERE h.allLabels IS NOT NULL
UNWIND coalesce(h.allLabels, [null]) AS holder
RETURN concept, perspective, holder, statement
ORDER BY concept, perspective
