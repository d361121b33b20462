using System.Diagnostics.CodeAnalysis;
using KPops.Server.Storage;

namespace KPops.Server.Fans;

/// <summary>
/// A fan's e-mail address or phone number in the one form accounts are keyed by, so that one person cannot get two
/// accounts by spelling the same address twice: e-mail trimmed and lower-cased, phone as <c>+</c> and its digits.
/// </summary>
public readonly record struct FanAddress(ContactKind Kind, string Value)
{
    private const int MaxLength = 320;

    /// <summary>Exactly one of <paramref name="email"/> and <paramref name="phone"/>, normalized; false if neither is usable.</summary>
    public static bool TryNormalize(string? email, string? phone, [NotNullWhen(true)] out FanAddress? address)
    {
        address = null;
        if (!string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(phone))
        {
            string value = email.Trim().ToLowerInvariant();
            int at = value.IndexOf('@', StringComparison.Ordinal);
            bool plausible = value.Length <= MaxLength && at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1
                && !value.Any(char.IsWhiteSpace);
            address = plausible ? new FanAddress(ContactKind.Email, value) : null;
        }
        else if (!string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email))
        {
            // E.164: a country code and subscriber number, at most 15 digits; separators people type are dropped.
            string trimmed = phone.Trim();
            string digits = new(trimmed.Where(char.IsAsciiDigit).ToArray());
            bool onlySeparators = trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+');
            bool plausible = trimmed.StartsWith('+') && trimmed.LastIndexOf('+') == 0 && onlySeparators
                && digits.Length is >= 8 and <= 15 && digits[0] != '0';
            address = plausible ? new FanAddress(ContactKind.Phone, "+" + digits) : null;
        }

        return address is not null;
    }
}
