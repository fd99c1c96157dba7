using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Digest;

/// <summary>Validates <see cref="AzureDevOpsWikiDigestSinkOptions"/>'s data annotations with code generated at build time
/// (no reflection).</summary>
[OptionsValidator]
internal sealed partial class AzureDevOpsWikiDigestSinkOptionsValidator : IValidateOptions<AzureDevOpsWikiDigestSinkOptions>;
