#pragma once

#include <QStringList>

namespace quire::app {

// Walks a subcommand's arguments: options as "--name value" or "--name=value", short
// aliases, "-" and positional arguments.
class CliOptions {
public:
    explicit CliOptions(const QStringList& args) : m_args(args) {}

    // Moves to the next argument; false when there is none.
    bool next() { return ++m_i < m_args.size(); }
    const QString& arg() const { return m_args[m_i]; }
    // The current argument is --name, --name=value, or the short alias.
    bool is(const char* name, const char* alias = nullptr) const {
        const QString& a = arg();
        return a == QLatin1String(name) || a.startsWith(QLatin1String(name) + QLatin1Char('=')) ||
               (alias && a == QLatin1String(alias));
    }
    // The current option's value (after '=', or the next argument); false when missing.
    bool takeValue(QString& into) {
        const QString& a = arg();
        if (a.startsWith(QLatin1String("--")) && a.contains(QLatin1Char('='))) {
            into = a.section(QLatin1Char('='), 1);
            return true;
        }
        if (m_i + 1 >= m_args.size())
            return false;
        into = m_args[++m_i];
        return true;
    }

private:
    const QStringList& m_args;
    qsizetype m_i = -1;
};

} // namespace quire::app
