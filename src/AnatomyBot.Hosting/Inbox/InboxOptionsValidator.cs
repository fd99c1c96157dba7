using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Inbox;

/// <summary>Validates <see cref="InboxOptions"/>'s data annotations with code generated at build time (no reflection).</summary>
[OptionsValidator]
internal sealed partial class InboxOptionsValidator : IValidateOptions<InboxOptions>;
