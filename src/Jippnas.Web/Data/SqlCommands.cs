using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jippnas.Web.Data;

/// <summary>Plain SQL beside EF, where a query is too hot for EF's materialisation or outside what it can say.</summary>
internal static class SqlCommands
{
    /// <summary>
    /// A command on the context's connection, in its current transaction if any, with <paramref name="parameters"/>
    /// bound as @p0, @p1, … (both providers accept the @ prefix). The caller opens the connection.
    /// </summary>
    public static DbCommand Create(JippnasDb db, string sql, IReadOnlyList<object> parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
