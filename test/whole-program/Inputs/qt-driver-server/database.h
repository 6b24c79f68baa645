#pragma once
#include <QtCore/QString>

bool openDatabase(const QString &path);
