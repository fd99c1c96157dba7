using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>A parsed anatomy and its version: the SHA-256 (hex) of the file's text, the same whichever source it came
/// from, so a re-evaluation queued after an anatomy change can insist on that exact file on every instance.</summary>
public sealed record LoadedAnatomy(EnterpriseAnatomy Anatomy, string Version);
