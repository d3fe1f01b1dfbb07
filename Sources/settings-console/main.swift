print("settings-console")
