print("livret-bench : en cours d'écriture")
