using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Infrastructure;

/// <summary>Settings of outgoing mail (<c>Jippnas:Mail</c>): an SMTP server, or with none a folder of .eml files.</summary>
public sealed class MailOptions
{
    public const string Section = "Jippnas:Mail";

    public string From { get; set; } = "JIPPNas <no-reply@jippnas.localhost>";

    /// <summary>The SMTP server; empty writes each message to <see cref="Folder"/> instead (development and tests).</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>STARTTLS (or TLS) to the server; on by default.</summary>
    public bool SmtpTls { get; set; } = true;

    public string Folder { get; set; } = "App_Data/mail";
}

public sealed record OutgoingMail(string To, string Subject, string Body);

/// <summary>Sends the mails of accounts (invitations, password resets). Plain text: links, no tracking, no HTML.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>Writes each message as an .eml file, so development and tests read the links a person would get.</summary>
public sealed class FolderMailSender(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        var at = clock.GetUtcNow();
        var name = string.Create(CultureInfo.InvariantCulture, $"{at:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        var text = new StringBuilder()
            .Append("From: ").Append(options.Value.From).Append("\r\n")
            .Append("To: ").Append(mail.To).Append("\r\n")
            .Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(mail.Subject))).Append("?=\r\n")
            .Append("Date: ").Append(at.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(mail.Body.ReplaceLineEndings("\r\n"));
        await File.WriteAllTextAsync(Path.Combine(folder, name), text.ToString(), new UTF8Encoding(false), cancellationToken);
    }
}

/// <summary>Sends through the configured SMTP server (System.Net.Mail, with STARTTLS unless switched off).</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpTls };
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        }

        using var message = new MailMessage(MailAddress(settings.From), MailAddress(mail.To))
        {
            Subject = mail.Subject,
            Body = mail.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(message, cancellationToken);
    }

    private static MailAddress MailAddress(string address) => new(address);
}

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        var smtp = configuration.GetSection(MailOptions.Section).Get<MailOptions>()?.SmtpHost;
        if (string.IsNullOrWhiteSpace(smtp))
        {
            services.AddSingleton<IMailSender, FolderMailSender>();
        }
        else
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }

        return services;
    }
}
