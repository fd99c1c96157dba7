using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Processing;

/// <summary>Validates <see cref="DeliveryProcessorOptions"/>'s data annotations with code generated at build time (no reflection).</summary>
[OptionsValidator]
internal sealed partial class DeliveryProcessorOptionsValidator : IValidateOptions<DeliveryProcessorOptions>;
