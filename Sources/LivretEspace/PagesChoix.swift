import LivretCore
import LivretExports

/// The pages where the learner decides: her CV, her opinion, her data.
enum PagesChoix {
    // MARK: CV

    static func cv(_ vue: VueApprenant, structure: String, csrf: String, telephone: Bool, paquet: Bool, message: String?, erreur: String?) -> String {
        let a = vue.dossier.apprenant
        let choix = vue.choix ?? .parDefaut
        func coche(_ b: Bool) -> String { b ? " checked" : "" }
        let identiteChoisie = choix.sections.contains(.identite) ? choix.identite : .aucune
        var noms: [(IdentiteCV, String)] = []
        if let p = a.prenom { noms.append((.prenom, "Mon prénom : \(p)")) }
        if let p = a.prenom, let n = a.nom { noms.append((.complete, "Mon prénom et mon nom : \(p) \(n)")) }
        if let ps = a.pseudonyme { noms.append((.pseudonyme, "Mon pseudonyme : \(ps)")) }
        noms.append((.aucune, "Pas de nom"))
        let identite = noms.map { i, texte in
            "<label><input type=\"radio\" name=\"identite\" value=\"\(i.rawValue)\"\(coche(i == identiteChoisie || (i == .aucune && !noms.contains { $0.0 == identiteChoisie })))> \(texte.html)</label>"
        }.joined(separator: "\n")
        let aContact = a.email != nil || a.telephone != nil
        let sections: [(SectionCV, String)] = [(.competences, "Ce que je sais faire"), (.pix, "Mes résultats Pix"),
                                               (.parcours, "Mes formations terminées"), (.badges, "Mes badges")]
        let cases = sections.map { s, texte in
            "<label><input type=\"checkbox\" name=\"section\" value=\"\(s.rawValue)\"\(coche(choix.sections.contains(s)))> \(texte.html)</label>"
        }.joined(separator: "\n")
        let badges = vue.cv.badges ?? []
        var corps = Gabarit.message(message) + Gabarit.message(erreur, erreur: true)
        corps += "<p>Vous choisissez ce que montre votre CV.</p>\n<p>Personne d'autre ne peut montrer plus que votre choix.</p>\n"
        if vue.choix == nil {
            corps += "<p class=\"aide\">Vous n'avez pas encore choisi : le CV montre tout, avec votre prénom.</p>\n"
        }
        corps += """
        <form method="post" action="/cv">
        \(Gabarit.champCSRF(csrf))
        <fieldset><legend>Mon nom sur le CV</legend>
        \(identite)
        </fieldset>
        \(aContact ? "<fieldset><legend>Pour me contacter</legend>\n<label><input type=\"checkbox\" name=\"contact\" value=\"oui\"\(coche(choix.contact))> Mettre mon e-mail et mon téléphone</label>\n</fieldset>" : "")
        <fieldset><legend>Ce que montre mon CV</legend>
        \(cases)
        </fieldset>

        """
        if !badges.isEmpty {
            let liste = badges.map { b in
                "<label><input type=\"checkbox\" name=\"badge\" value=\"\(b.reussite.html)\"\(coche(choix.badges.map { $0.contains(b.reussite) } ?? true))> \(b.titre.html)</label>"
            }.joined(separator: "\n")
            corps += "<fieldset><legend>Mes badges dans le CV</legend>\n\(liste)\n</fieldset>\n"
        }
        corps += "<p><button type=\"submit\">\(Pictogramme.acquis.svg) Enregistrer mon choix</button></p>\n</form>\n"
        corps += """
        <h2>\(Pictogramme.cv.svg)<span>Voir et télécharger mon CV</span></h2>
        <p>Le CV montre le choix enregistré.</p>
        <p><a class="bouton" href="/cv/document">\(Pictogramme.cv.svg) Voir mon CV</a></p>
        <p class="aide">Pour avoir un PDF : ouvrez votre CV, puis imprimez-le et choisissez « Enregistrer au format PDF ».</p>
        <p><a class="bouton second" href="/cv/telecharger" download>\(Pictogramme.telecharger.svg) Télécharger mon CV</a></p>

        """
        if paquet {
            corps += "<p><a class=\"bouton second\" href=\"/badges/paquet\" download>\(Pictogramme.telecharger.svg) Télécharger mes badges (fichier zip)</a></p>\n"
        }
        if telephone {
            corps += "<p><a class=\"bouton second\" href=\"/telephone\">\(Pictogramme.telephone.svg) Avoir mon CV sur mon téléphone</a></p>\n"
        }
        return Gabarit.page(titre: "Mon CV", picto: .cv, structure: structure, csrf: csrf, corps: corps)
    }

    /// The phone page: a QR code of a link valid a few minutes.
    static func telephone(lien: String?, structure: String, csrf: String) -> String {
        var corps = ""
        if let lien {
            let qr = (try? CodeQR.svg(lien, taillePixels: 256, titre: "Code QR pour ouvrir vos fichiers sur le téléphone")) ?? ""
            corps += """
            <p>Ouvrez l'appareil photo de votre téléphone.</p>
            <p>Visez ce carré.</p>
            <p>Votre téléphone doit être sur le Wi-Fi de la structure.</p>
            <div class="qr">\(qr)</div>
            <p class="aide">Ce code marche \(RegleEspace.validiteLienTelephone / 60) minutes.</p>
            <p class="aide">Adresse à taper si le code ne marche pas : \(lien.html)</p>
            """
        } else {
            corps += """
            <p>Le téléphone ne peut pas se connecter à cet ordinateur.</p>
            <p>Demandez à la formatrice d'ouvrir l'espace pour le Wi-Fi.</p>
            """
        }
        return Gabarit.page(titre: "Sur mon téléphone", picto: .telephone, structure: structure, csrf: csrf, corps: corps)
    }

    /// The page a phone opens from the QR code: the two files.
    static func recuperer(jeton: String, structure: String, paquet: Bool) -> String {
        var corps = "<p>Touchez un fichier pour l'enregistrer sur votre téléphone.</p>\n"
        corps += "<p><a class=\"bouton\" href=\"/recuperer/\(jeton)/cv.html\" download>\(Pictogramme.cv.svg) Mon CV</a></p>\n"
        if paquet {
            corps += "<p><a class=\"bouton second\" href=\"/recuperer/\(jeton)/badges.zip\" download>\(Pictogramme.badges.svg) Mes badges (fichier zip)</a></p>\n"
        }
        return Gabarit.page(titre: "Mes fichiers", picto: .telecharger, structure: structure, csrf: nil, corps: corps)
    }

    // MARK: Avis

    /// What the learner may give her opinion on: her cohorts and accompaniments not yet answered.
    struct Sujet: Sendable, Equatable {
        let valeur: String
        let libelle: String
    }

    static func avis(sujets: [Sujet], structure: String, csrf: String, message: String?, erreur: String?) -> String {
        var corps = Gabarit.message(message) + Gabarit.message(erreur, erreur: true)
        guard !sujets.isEmpty else {
            corps += "<p>Vous avez déjà donné votre avis. Merci !</p>\n<p>Il n'y a pas d'autre questionnaire pour vous.</p>\n"
            return Gabarit.page(titre: "Mon avis", picto: .avis, structure: structure, csrf: csrf, corps: corps)
        }
        corps += "<p>Votre avis aide la structure à faire mieux.</p>\n<p>Répondez seulement si vous voulez.</p>\n"
        corps += "<form method=\"post\" action=\"/avis\">\n\(Gabarit.champCSRF(csrf))\n"
        corps += "<fieldset><legend>Mon avis sur</legend>\n" + sujets.enumerated().map { i, s in
            "<label><input type=\"radio\" name=\"sujet\" value=\"\(s.valeur.html)\"\(i == 0 ? " checked" : "")> \(s.libelle.html)</label>"
        }.joined(separator: "\n") + "\n</fieldset>\n"
        for (i, question) in QuestionnaireSatisfaction.questions.enumerated() {
            corps += "<fieldset><legend>\(question.html)</legend>\n"
            for (n, mot) in QuestionnaireSatisfaction.echelle.enumerated().reversed() {
                corps += "<label><input type=\"radio\" name=\"q\(i + 1)\" value=\"\(n + 1)\"> \(mot.prefix(1).uppercased() + mot.dropFirst())</label>\n"
            }
            corps += "</fieldset>\n"
        }
        corps += """
        <label class="bloc" for="aide">\(QuestionnaireSatisfaction.questionAide.html) (si vous voulez)</label>
        <textarea id="aide" name="aide" maxlength="1000"></textarea>
        <label class="bloc" for="temoignage">Autre chose à dire ? (si vous voulez)</label>
        <textarea id="temoignage" name="temoignage" maxlength="2000"></textarea>
        <fieldset><legend>\(QuestionnaireSatisfaction.questionCitation.html)</legend>
        <label><input type="radio" name="citation" value="anonyme" checked> Oui, sans mon nom</label>
        <label><input type="radio" name="citation" value="prenom"> Oui, avec mon prénom</label>
        <label><input type="radio" name="citation" value="non"> Non. Ce que j'ai écrit n'est pas gardé.</label>
        </fieldset>
        <p><button type="submit">\(Pictogramme.avis.svg) Envoyer mon avis</button></p>
        </form>
        """
        return Gabarit.page(titre: "Mon avis", picto: .avis, structure: structure, csrf: csrf, corps: corps)
    }

    // MARK: Données

    /// The scopes the learner decides, with what each means in plain words.
    static let portees: [(UsageDonnees, String, String)] = [
        (.livret, "suivi", "Noter ce que j'apprends (mes savoir-faire, mes résultats Pix)."),
        (.badges, "badges", "Recevoir des badges à mon nom."),
        (.statistiques, "statistiques", "Être dans les chiffres de la structure, sans mon nom."),
        (.coop, "coop", "Donner mon nom à La Coop de la médiation numérique (le site des conseillers numériques)."),
    ]

    static func donnees(_ vue: VueApprenant, structure: String, csrf: String, message: String?, erreur: String?) -> String {
        var corps = Gabarit.message(message) + Gabarit.message(erreur, erreur: true)
        corps += "<h2>\(Pictogramme.acquis.svg)<span>Mes accords</span></h2>\n"
        corps += "<p>Vous pouvez dire oui ou non. Vous pouvez changer d'avis quand vous voulez.</p>\n"
        if let c = vue.consentement {
            corps += "<p class=\"aide\">Dernier changement le \(c.date.francais)\(c.parLaPersonne ? ", par vous" : ", noté par la formatrice").</p>\n"
        }
        corps += "<form method=\"post\" action=\"/donnees/accords\">\n\(Gabarit.champCSRF(csrf))\n"
        for (usage, nom, texte) in portees {
            let oui = usage.autorise(vue.consentement)
            corps += """
            <fieldset><legend>\(texte.html)</legend>
            <label><input type="radio" name="\(nom)" value="oui"\(oui ? " checked" : "")> Oui</label>
            <label><input type="radio" name="\(nom)" value="non"\(oui ? "" : " checked")> Non</label>
            </fieldset>

            """
        }
        corps += "<p><button type=\"submit\">\(Pictogramme.acquis.svg) Enregistrer mes accords</button></p>\n</form>\n"
        corps += "<p class=\"aide\">Vos présences aux séances sont toujours notées : la formation en a besoin.</p>\n"
        corps += """
        <h2>\(Pictogramme.telecharger.svg)<span>Toutes mes données</span></h2>
        <p>Vous pouvez avoir tout ce que la structure sait de vous.</p>
        <p><a class="bouton second" href="/donnees/export" download>\(Pictogramme.telecharger.svg) Télécharger toutes mes données</a></p>
        <p class="aide">C'est un fichier JSON : un autre service ou un ordinateur peut le lire.</p>
        <h2>\(Pictogramme.sortie.svg)<span>Effacer mes données</span></h2>

        """
        if let d = vue.demandeEffacement {
            corps += "<p>Vous avez demandé l'effacement le \(d.francais).</p>\n<p>La formatrice va effacer votre nom et vos coordonnées.</p>\n"
        } else {
            corps += """
            <p>Votre nom et vos coordonnées seront effacés.</p>
            <p>Les badges déjà reçus restent à vous. La structure ne pourra plus vous en donner.</p>
            <p>Les chiffres de la structure gardent votre venue, sans votre nom.</p>
            <form method="post" action="/donnees/effacement">
            \(Gabarit.champCSRF(csrf))
            <label><input type="checkbox" name="confirmer" value="oui" required> Je veux que mes données soient effacées.</label>
            <p><button type="submit" class="danger">Demander l'effacement</button></p>
            </form>
            """
        }
        return Gabarit.page(titre: "Mes données", picto: .donnees, structure: structure, csrf: csrf, corps: corps)
    }
}
