using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Ratsworkflow.Functions.Web;

/// <summary>
/// German default messages, so a page model only writes an <c>ErrorMessage</c> where it can say something more
/// helpful than the default. Covers the data-annotation attributes pages use and the model binder's own messages
/// (e.g. text typed into a number field).
/// </summary>
public sealed class GermanValidationMessages : IValidationMetadataProvider
{
    public static void Apply(MvcOptions options)
    {
        options.ModelMetadataDetailsProviders.Add(new GermanValidationMessages());
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"„{value}“ ist keine gültige Angabe für „{field}“.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Bitte füllen Sie „{field}“ aus.");
        messages.SetMissingKeyOrValueAccessor(() => "Bitte füllen Sie dieses Feld aus.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Die Anfrage enthält keine Daten.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"„{value}“ ist keine gültige Angabe.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Diese Angabe ist ungültig.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Bitte geben Sie eine Zahl ein.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Die Angabe für „{field}“ ist ungültig.");
        messages.SetValueIsInvalidAccessor(value => $"„{value}“ ist keine gültige Angabe.");
        messages.SetValueMustBeANumberAccessor(field => $"„{field}“ muss eine Zahl sein.");
        messages.SetValueMustNotBeNullAccessor(_ => "Bitte füllen Sie dieses Feld aus.");
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            // Runs once per property (metadata is cached); an explicit message on the attribute always wins.
            if (HasFrameworkMessage(attribute) && DefaultFor(attribute) is { } message)
            {
                attribute.ErrorMessage = message;
            }
        }
    }

    // Some attributes (EmailAddress, Phone, Url) report their English default through ErrorMessage itself, so
    // "not set" means: null, or the same text a fresh attribute of that type would report.
    private static bool HasFrameworkMessage(ValidationAttribute attribute)
    {
        if (attribute.ErrorMessageResourceName is not null)
        {
            return false;
        }
        if (attribute.ErrorMessage is null)
        {
            return true;
        }
        return attribute.GetType().GetConstructor(Type.EmptyTypes)?.Invoke(null) is ValidationAttribute fresh
            && fresh.ErrorMessage == attribute.ErrorMessage;
    }

    // {0} is the display name; the others are the attribute's own arguments.
    private static string? DefaultFor(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "Bitte füllen Sie „{0}“ aus.",
        StringLengthAttribute { MinimumLength: > 0 } => "„{0}“ muss zwischen {2} und {1} Zeichen lang sein.",
        StringLengthAttribute => "„{0}“ darf höchstens {1} Zeichen lang sein.",
        // Max/MinLength also apply to lists (e.g. checkboxes), so their wording does not say "Zeichen".
        MaxLengthAttribute => "„{0}“ ist zu lang (höchstens {1}).",
        MinLengthAttribute => "„{0}“ ist zu kurz (mindestens {1}).",
        RangeAttribute => "„{0}“ muss zwischen {1} und {2} liegen.",
        EmailAddressAttribute => "Bitte geben Sie eine E-Mail-Adresse im Format name@beispiel.de ein.",
        PhoneAttribute => "Bitte geben Sie eine gültige Telefonnummer ein.",
        UrlAttribute => "Bitte geben Sie eine Internetadresse ein, die mit https:// beginnt.",
        RegularExpressionAttribute => "„{0}“ hat nicht das erwartete Format.",
        CompareAttribute => "„{0}“ stimmt nicht mit „{1}“ überein.",
        _ => null,
    };
}
