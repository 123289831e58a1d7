#include "app/application.h"
#include "app/cli.h"

int main(int argc, char** argv) {
    if (auto code = quire::app::runCommandLine(argc, argv))
        return *code;
    return quire::app::runGui(argc, argv);
}
