using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Retention;

/// <summary>Validates <see cref="DeliveryRetentionOptions"/>'s data annotations with code generated at build time (no reflection).</summary>
[OptionsValidator]
internal sealed partial class DeliveryRetentionOptionsValidator : IValidateOptions<DeliveryRetentionOptions>;
