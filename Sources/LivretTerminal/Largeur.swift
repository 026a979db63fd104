import CLargeur
