extension LecteurJSON {
    /// Reads an APTIC nomenclature file (`type: "aptic"`), checking every node.
    mutating func referentielAptic(_ racine: [String: JSONValeur], entete: EnteteReferentiel) -> ReferentielAptic {
        // Niveaux, sous-thèmes and items each have their own codes ("1" is niveau 1 and item 1).
        var niveauxVus: [String: String] = [:]
        var sousThemesVus: [String: String] = [:]
        var itemsVus: [String: String] = [:]
        var niveaux: [NiveauAptic] = []
        let elementsNiveaux = objets(racine, "niveaux", "$")
        if elementsNiveaux.isEmpty {
            signaler(.champManquant, "$.niveaux", "la nomenclature n'a aucun niveau.", "Ajoutez au moins un niveau avec ses sous-thèmes et ses items.")
        }
        for (objetNiveau, cheminNiveau) in elementsNiveaux {
            let code = codeUnique(objetNiveau, cheminNiveau, vus: &niveauxVus, forme: .niveau)
            let titre = titre(objetNiveau, cheminNiveau)
            let provenance = provenance(objetNiveau, cheminNiveau)
            var sousThemes: [SousThemeAptic] = []
            for (objetST, cheminST) in objets(objetNiveau, "sousThemes", cheminNiveau) {
                let codeST = codeUnique(objetST, cheminST, vus: &sousThemesVus, forme: .sousTheme)
                if let code, let codeST, !codeST.hasPrefix(code + ".") {
                    signaler(.codeInvalide, "\(cheminST).code",
                             "le sous-thème « \(codeST) » est rangé sous le niveau « \(code) ».",
                             "Son code doit commencer par « \(code). » ou il doit être déplacé sous le bon niveau.")
                }
                let titreST = self.titre(objetST, cheminST)
                let provenanceST = self.provenance(objetST, cheminST)
                var items: [ItemAptic] = []
                for (objetItem, cheminItem) in objets(objetST, "items", cheminST) {
                    if let item = item(objetItem, cheminItem, vus: &itemsVus, origine: entete.code) {
                        items.append(item)
                    }
                }
                if let codeST, let titreST, let provenanceST {
                    sousThemes.append(SousThemeAptic(code: codeST, titre: titreST,
                                                     titreSource: chaineFacultative(objetST, "titreSource", cheminST),
                                                     provenance: provenanceST, items: items,
                                                     libelleFacile: chaineFacultative(objetST, "libelleFacile", cheminST)))
                }
            }
            if let code, let titre, let provenance {
                niveaux.append(NiveauAptic(code: code, titre: titre,
                                           titreSource: chaineFacultative(objetNiveau, "titreSource", cheminNiveau),
                                           provenance: provenance, sousThemes: sousThemes))
            }
        }
        return ReferentielAptic(entete: entete, niveaux: niveaux)
    }

    /// Reads one item; `vus` maps every code already used to its path.
    mutating func item(_ objet: [String: JSONValeur], _ chemin: String, vus: inout [String: String], origine: String) -> ItemAptic? {
        let code = codeUnique(objet, chemin, vus: &vus, forme: .item)
        let titre = titre(objet, chemin)
        let libelleFacile = chaineFacultative(objet, "libelleFacile", chemin)
        let motsCles = chaines(objet, "motsCles", chemin)
        guard let code, let titre else { return nil }
        return ItemAptic(code: code, titre: titre, libelleFacile: libelleFacile, motsCles: motsCles, origine: origine)
    }

    enum FormeCode {
        case niveau, sousTheme, item

        func accepte(_ code: String) -> Bool {
            let chiffres = { (texte: Substring) in !texte.isEmpty && texte.allSatisfy(\.isASCIIDigit) }
            switch self {
            case .niveau: return chiffres(Substring(code))
            case .sousTheme:
                let parties = code.split(separator: ".", omittingEmptySubsequences: false)
                return parties.count == 2 && parties.allSatisfy(chiffres)
            case .item:
                return chiffres(Substring(code)) || code.allSatisfy { $0.isASCII && $0.isUppercase }
            }
        }

        var exemple: String {
            switch self {
            case .niveau: "un chiffre, comme « 2 »"
            case .sousTheme: "niveau.numéro, comme « 2.1 »"
            case .item: "une lettre majuscule (niveau 0, comme « F ») ou un nombre (comme « 66 »)"
            }
        }
    }

    /// Reads `code`, checks its form and that no other node of the file uses it.
    mutating func codeUnique(_ objet: [String: JSONValeur], _ chemin: String, vus: inout [String: String], forme: FormeCode) -> String? {
        guard let code = chaine(objet, "code", chemin) else { return nil }
        guard forme.accepte(code) else {
            signaler(.codeInvalide, "\(chemin).code", "le code « \(code) » n'a pas la bonne forme.", "On attend \(forme.exemple).")
            return nil
        }
        if let premier = vus[code] {
            signaler(.codeEnDouble, "\(chemin).code", "le code « \(code) » est déjà utilisé en \(premier).",
                     "Donnez un code unique à chaque élément : un code n'est jamais réutilisé.")
            return nil
        }
        vus[code] = chemin
        return code
    }

    mutating func provenance(_ objet: [String: JSONValeur], _ chemin: String) -> Provenance? {
        guard let texte = chaine(objet, "provenance", chemin) else { return nil }
        guard let provenance = Provenance(rawValue: texte) else {
            signaler(.valeurInvalide, "\(chemin).provenance", "la provenance « \(texte) » n'existe pas.",
                     "Écrivez « nationale » (référentiel national #APTIC) ou « locale » (ajout d'un territoire).")
            return nil
        }
        return provenance
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
