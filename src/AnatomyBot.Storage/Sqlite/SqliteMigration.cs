namespace AnatomyBot.Storage.Sqlite;

/// <summary>One forward-only schema step. Never edit a released step: add a new one.</summary>
internal sealed record SqliteMigration(int Version, string Description, string Sql);
