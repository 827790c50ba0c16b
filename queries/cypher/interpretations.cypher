// How each perspective interprets each concept, side by side, with who holds the perspective.
MATCH (i:Interpretation)-[:INTERPRETS]->(c), (i)-[:FROM_PERSPECTIVE]->(p)
WHERE i.statement IS NOT NULL AND c.label IS NOT NULL AND p.label IS NOT NULL
OPTIONAL MATCH (holder)-[:HOLDS_PERSPECTIVE]->(p)
WHERE holder.label IS NOT NULL
RETURN c.label AS concept, p.label AS perspective, holder.label AS holder, i.statement AS statement
ORDER BY concept, perspective
