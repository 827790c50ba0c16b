// Text search in turns (case-insensitive substring). Parameter: text. Shows conversation, turn, speaker and a snippet.
MATCH (turn)-[:IN_CONVERSATION]->(conversation)
WHERE turn.text IS NOT NULL AND turn.turnIndex IS NOT NULL AND turn.speakerName IS NOT NULL
  AND conversation.conversationId IS NOT NULL AND toLower(turn.text) CONTAINS toLower($text)
WITH conversation, turn, size(split(toLower(turn.text), toLower($text))[0]) AS at
RETURN conversation.conversationId AS id, turn.turnIndex AS index, turn.speakerName AS speaker,
  CASE WHEN at > 60 THEN '...' ELSE '' END
    + substring(turn.text, CASE WHEN at > 60 THEN at - 60 ELSE 0 END, 160) + '...' AS snippet
ORDER BY id, index
