extension LecteurJSON {
    /// Reads a parcours template (`type: "parcours"`). References to APTIC and Pix are checked by the catalogue.
    mutating func modeleParcours(_ racine: [String: JSONValeur], entete: EnteteReferentiel) -> ModeleParcours? {
        let porteur = objet(racine["porteur"], "$.porteur").flatMap { acteur($0, "$.porteur") }
        let partenaires = objets(racine, "partenaires", "$", obligatoire: false).compactMap { acteur($0.objet, $0.chemin) }
        var publicVise: ModeleParcours.Public?
        if let objetPublic = objet(racine["public"], "$.public"), let description = chaine(objetPublic, "description", "$.public") {
            publicVise = .init(description: description, sexe: chaineFacultative(objetPublic, "sexe", "$.public"),
                               ageMinimum: entierFacultatif(objetPublic, "ageMinimum", "$.public"))
        }
        let duree = duree(racine)
        var etapes: [ModeleParcours.Etape] = []
        var codesEtapes: [String: String] = [:]
        for (objetEtape, chemin) in objets(racine, "etapes", "$") {
            let code = chaine(objetEtape, "code", chemin)
            if let code, let premier = codesEtapes[code] {
                signaler(.codeEnDouble, "\(chemin).code", "l'étape « \(code) » existe déjà en \(premier).", "Donnez un code unique à chaque étape.")
            }
            if let code { codesEtapes[code] = codesEtapes[code] ?? chemin }
            let typeTexte = chaine(objetEtape, "type", chemin)
            let type = typeTexte.flatMap(ModeleParcours.Etape.Genre.init(rawValue:))
            if let typeTexte, type == nil {
                signaler(.valeurInvalide, "\(chemin).type", "le type d'étape « \(typeTexte) » n'existe pas.", "Choisissez diagnostic, ateliers ou certification.")
            }
            let titre = titre(objetEtape, chemin)
            if let code, let type, let titre {
                etapes.append(.init(code: code, type: type, titre: titre,
                                    description: chaineFacultative(objetEtape, "description", chemin),
                                    dureeHeures: nombreFacultatif(objetEtape, "dureeHeures", chemin),
                                    coutParApprenantEuros: nombreFacultatif(objetEtape, "coutParApprenantEuros", chemin),
                                    prisEnChargePar: chaineFacultative(objetEtape, "prisEnChargePar", chemin),
                                    pretextes: chaines(objetEtape, "pretextes", chemin)))
            }
        }
        var objectifs: [ModeleParcours.Objectif] = []
        for (objetObjectif, chemin) in objets(racine, "objectifs", "$", obligatoire: false) {
            if let code = chaine(objetObjectif, "code", chemin), let libelle = titre(objetObjectif, chemin, cle: "libelle"),
               let type = chaine(objetObjectif, "type", chemin), let vise = entier(objetObjectif, "effectifVise", chemin) {
                objectifs.append(.init(code: code, libelle: libelle, type: type, effectifVise: vise,
                                       effectifGroupe: entierFacultatif(objetObjectif, "effectifGroupe", chemin),
                                       competencesMin: entierFacultatif(objetObjectif, "competencesMin", chemin),
                                       niveauMin: entierFacultatif(objetObjectif, "niveauMin", chemin)))
            }
        }
        let regle = regleDeCompletion(racine)
        let avantages = objets(racine, "avantages", "$", obligatoire: false).compactMap { element -> ModeleParcours.Avantage? in
            titre(element.objet, element.chemin, cle: "libelle").map {
                .init(libelle: $0, condition: chaineFacultative(element.objet, "condition", element.chemin))
            }
        }
        var bilan: ModeleParcours.BilanPublie?
        if let objetBilan = objet(racine["bilanPublie"], "$.bilanPublie"),
           let effectif = entier(objetBilan, "effectif", "$.bilanPublie"),
           let certifiees = entier(objetBilan, "certifiees", "$.bilanPublie"),
           let texte = chaine(objetBilan, "texte", "$.bilanPublie") {
            bilan = .init(effectif: effectif, certifiees: certifiees, texte: texte)
        }
        let cibles = cibles(racine)
        guard let duree, let regle, let cibles else { return nil }
        var modele = ModeleParcours(entete: entete, porteur: porteur, partenaires: partenaires,
                                    finalite: chaineFacultative(racine, "finalite", "$"), publicVise: publicVise,
                                    prerequis: chaines(racine, "prerequis", "$"), duree: duree,
                                    tailleGroupe: objet(racine["groupe"], "$.groupe").flatMap { entierFacultatif($0, "taille", "$.groupe") },
                                    etapes: etapes, objectifs: objectifs, regleDeCompletion: regle, avantages: avantages,
                                    freins: chaines(racine, "freins", "$"), bilanPublie: bilan, cibles: cibles)
        modele.fichier = fichier
        return modele
    }

    private mutating func acteur(_ objet: [String: JSONValeur], _ chemin: String) -> ModeleParcours.Acteur? {
        titre(objet, chemin, cle: "nom").map {
            .init(nom: $0, description: chaineFacultative(objet, "description", chemin), role: chaineFacultative(objet, "role", chemin))
        }
    }

    private mutating func duree(_ racine: [String: JSONValeur]) -> ModeleParcours.Duree? {
        guard let objet = objet(racine["duree"], "$.duree") ?? manquantObjet(racine, "duree") else { return nil }
        let chemin = "$.duree"
        guard let heures = nombreFacultatif(objet, "heures", chemin) ?? manquantNombre(objet, "heures", chemin) else { return nil }
        if heures <= 0 {
            signaler(.valeurInvalide, "\(chemin).heures", "la durée doit être positive.", "Indiquez le nombre d'heures prévues.")
        }
        let jours = chaines(objet, "jours", chemin)
        let permis = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        for (indice, jour) in jours.enumerated() where !permis.contains(jour) {
            signaler(.valeurInvalide, "\(chemin).jours[\(indice)]", "« \(jour) » n'est pas un jour de la semaine.", "Écrivez les jours en minuscules : lundi, mardi…")
        }
        return .init(heures: heures, heuresInitialementPrevues: nombreFacultatif(objet, "heuresInitialementPrevues", chemin),
                     motifReduction: chaineFacultative(objet, "motifReduction", chemin),
                     semaines: entierFacultatif(objet, "semaines", chemin), jours: jours,
                     periode: chaineFacultative(objet, "periode", chemin))
    }

    private mutating func regleDeCompletion(_ racine: [String: JSONValeur]) -> ModeleParcours.RegleDeCompletion? {
        guard let objet = objet(racine["regleDeCompletion"], "$.regleDeCompletion") ?? manquantObjet(racine, "regleDeCompletion") else { return nil }
        let chemin = "$.regleDeCompletion"
        guard let assiduite = nombreFacultatif(objet, "assiduiteMinimale", chemin) ?? manquantNombre(objet, "assiduiteMinimale", chemin) else { return nil }
        if !(0...1).contains(assiduite) {
            signaler(.niveauHorsBornes, "\(chemin).assiduiteMinimale", "l'assiduité minimale \(assiduite) sort de 0–1.",
                     "Écrivez une fraction : 0.8 pour 80 % des heures prévues.")
            return nil
        }
        var certificationRequise = false
        if case .booleen(let valeur)? = objet["certificationRequise"] { certificationRequise = valeur }
        return .init(assiduiteMinimale: assiduite, certificationRequise: certificationRequise,
                     origine: origine(objet, chemin), motif: chaineFacultative(objet, "motif", chemin))
    }

    private mutating func cibles(_ racine: [String: JSONValeur]) -> ModeleParcours.Cibles? {
        guard let objet = objet(racine["cibles"], "$.cibles") ?? manquantObjet(racine, "cibles") else { return nil }
        let chemin = "$.cibles"
        let pix = objets(objet, "pix", chemin, obligatoire: false).compactMap { element -> ModeleParcours.CiblePix? in
            guard let competence = chaine(element.objet, "competence", element.chemin),
                  let niveau = entier(element.objet, "niveauVise", element.chemin) else { return nil }
            return .init(competence: competence, niveauVise: niveau)
        }
        return .init(origine: origine(objet, chemin), motif: chaineFacultative(objet, "motif", chemin),
                     pix: pix, aptic: chaines(objet, "aptic", chemin))
    }

    private mutating func origine(_ objet: [String: JSONValeur], _ chemin: String) -> ModeleParcours.Origine {
        guard let texte = chaineFacultative(objet, "origine", chemin) else { return .source }
        guard let origine = ModeleParcours.Origine(rawValue: texte) else {
            signaler(.valeurInvalide, "\(chemin).origine", "l'origine « \(texte) » n'existe pas.", "Écrivez « source » ou « inferee ».")
            return .source
        }
        return origine
    }

    private mutating func manquantNombre(_ objet: [String: JSONValeur], _ cle: String, _ chemin: String) -> Double? {
        signaler(.champManquant, chemin, "le champ obligatoire « \(cle) » manque.", "Ajoutez \"\(cle)\" (un nombre).")
        return nil
    }
}

extension ModeleParcours {
    /// Checks the template's targets against the référentiels.
    public func verifier(aptic: ReferentielAptic, pix: ReferentielPix) -> [ErreurReferentiel] {
        var erreurs: [ErreurReferentiel] = []
        for (indice, cible) in cibles.pix.enumerated() {
            let chemin = "$.cibles.pix[\(indice)]"
            if pix.competence(cible.competence) == nil {
                erreurs.append(.init(.referenceInconnue, fichier: fichier, chemin: "\(chemin).competence",
                                     message: "la compétence Pix « \(cible.competence) » n'existe pas.", conseil: "Les compétences vont de 1.1 à 5.2."))
            }
            if cible.niveauVise < pix.niveaux.min || cible.niveauVise > pix.niveaux.max {
                erreurs.append(.init(.niveauHorsBornes, fichier: fichier, chemin: "\(chemin).niveauVise",
                                     message: "le niveau visé \(cible.niveauVise) sort des bornes \(pix.niveaux.min)–\(pix.niveaux.max).",
                                     conseil: "Choisissez un niveau Pix entre \(pix.niveaux.min) et \(pix.niveaux.max)."))
            }
        }
        for (indice, code) in cibles.aptic.enumerated() where aptic.item(code) == nil {
            erreurs.append(.init(.referenceInconnue, fichier: fichier, chemin: "$.cibles.aptic[\(indice)]",
                                 message: "l'item APTIC « \(code) » n'existe pas.", conseil: "Indiquez le code d'un item de la nomenclature."))
        }
        for (indice, objectif) in objectifs.enumerated() {
            if let niveau = objectif.niveauMin, niveau < pix.niveaux.min || niveau > pix.niveaux.max {
                erreurs.append(.init(.niveauHorsBornes, fichier: fichier, chemin: "$.objectifs[\(indice)].niveauMin",
                                     message: "le niveau \(niveau) sort des bornes \(pix.niveaux.min)–\(pix.niveaux.max).",
                                     conseil: "Choisissez un niveau Pix entre \(pix.niveaux.min) et \(pix.niveaux.max)."))
            }
            if let minimum = objectif.competencesMin, minimum < 1 || minimum > pix.competences.count {
                erreurs.append(.init(.niveauHorsBornes, fichier: fichier, chemin: "$.objectifs[\(indice)].competencesMin",
                                     message: "\(minimum) compétences : il y en a \(pix.competences.count) en tout.",
                                     conseil: "Choisissez un nombre entre 1 et \(pix.competences.count)."))
            }
        }
        return erreurs
    }
}
