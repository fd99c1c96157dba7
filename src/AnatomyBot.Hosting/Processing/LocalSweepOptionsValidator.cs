using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Processing;

/// <summary>Validates <see cref="LocalSweepOptions"/>'s data annotations with code generated at build time (no reflection).</summary>
[OptionsValidator]
internal sealed partial class LocalSweepOptionsValidator : IValidateOptions<LocalSweepOptions>;
