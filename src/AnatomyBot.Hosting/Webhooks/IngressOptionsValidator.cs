using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Webhooks;

/// <summary>Validates <see cref="IngressOptions"/>'s data annotations with code generated at build time (no reflection).</summary>
[OptionsValidator]
internal sealed partial class IngressOptionsValidator : IValidateOptions<IngressOptions>;
