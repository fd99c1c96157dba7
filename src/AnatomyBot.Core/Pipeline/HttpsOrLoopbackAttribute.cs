using System.ComponentModel.DataAnnotations;

namespace AnatomyBot.Core.Pipeline;

/// <summary>Options validation for an API address a credential is sent to: <see cref="ApiAddress.IsAcceptable"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpsOrLoopbackAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null || ApiAddress.IsAcceptable(value as Uri);

    public override string FormatErrorMessage(string name) => $"{name} must be {ApiAddress.Rule}.";
}
