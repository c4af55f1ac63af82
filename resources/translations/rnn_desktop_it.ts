<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name></name>
    <message>
        <location filename="../../rnn_desktop/gui/messages.py" line="+111"/>
        <source>rnn-desktop: error</source>
        <translation>rnn-desktop: errore</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid settings</source>
        <translation>Impostazioni non valide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unsaved weights</source>
        <translation>Pesi non salvati</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ready. Press Start (F5) to train.</source>
        <translation>Pronto. Premi Avvia (F5) per addestrare.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training...</source>
        <translation>Addestramento in corso...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Computing the predictions of %1 windows with %2 hidden units...</source>
        <translation>Calcolo delle predizioni di %1 finestre con %2 unità nascoste...</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopping: the current batch ends, then the weights are scored and the predictions drawn...</source>
        <translation>Arresto: il batch in corso finisce, poi si valutano i pesi e si disegnano le predizioni...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paused. Resume, Step one epoch, or change the learning rate.</source>
        <translation>In pausa. Puoi riprendere, avanzare di un&apos;epoca o cambiare il tasso di apprendimento.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2 is outside the field&apos;s range, %4 to %5, so it is now %3.</source>
        <translation>%1: %2 è fuori dall&apos;intervallo del campo, da %4 a %5, quindi ora vale %3.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Training finished: all epochs ran.</source>
        <translation>Addestramento terminato: tutte le epoche sono state eseguite.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training finished: validation loss stopped improving (early stopping).</source>
        <translation>Addestramento terminato: la perdita di validazione ha smesso di migliorare (arresto anticipato).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training stopped.</source>
        <translation>Addestramento interrotto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training failed; see the error message and the log file.</source>
        <translation>Addestramento non riuscito: leggi il messaggio di errore e il file di log.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training ended: %1</source>
        <translation>Addestramento concluso: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The validation loss then rose to %1, over %3 times its best (%2): a learning rate that is too high often does that, so try a lower one.</source>
        <translation>Poi la perdita di validazione è salita a %1, oltre %3 volte la sua migliore (%2): spesso succede con un tasso di apprendimento troppo alto, quindi provane uno più basso.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training stopped: the loss diverged in the first batch, before any update, so the starting weights cause it. Choose another initialisation or activation and train again.</source>
        <translation>Addestramento fermato: la perdita è divergita nel primo batch, prima di qualsiasi aggiornamento, quindi la causa sono i pesi iniziali. Scegli un&apos;altra inizializzazione o attivazione e riaddestra.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loaded %1: %2 values from column &quot;%3&quot;.</source>
        <translation>Caricato %1: %2 valori dalla colonna «%3».</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Training stopped: the loss diverged. The weights kept from before that point may already be far off, so lower the learning rate or enable clipping, press Reset weights and train again before using them.</source>
        <translation>Addestramento fermato: la perdita è divergita. I pesi conservati possono già essere molto sbagliati, quindi abbassa il tasso di apprendimento o attiva il clipping, premi Reinizializza i pesi e riaddestra prima di usarli.</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>1 day</source>
        <translation>1 giorno</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 days</source>
        <translation>%1 giorni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 hour</source>
        <translation>1 ora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 hours</source>
        <translation>%1 ore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 minute</source>
        <translation>1 minuto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 minutes</source>
        <translation>%1 minuti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 second</source>
        <translation>1 secondo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 seconds</source>
        <translation>%1 secondi</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Building a model of %1 hidden units...</source>
        <translation>Costruzione di un modello con %1 unità nascoste...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pausing after the current batch...</source>
        <translation>Pausa al termine del batch in corso...</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The forecast takes %1 steps once this run ends or stops.</source>
        <translation>La previsione avrà %1 passi quando questo addestramento finisce o viene fermato.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Learning rate %1 from the next epoch on; the metrics line shows the rate of the last epoch.</source>
        <translation>Tasso di apprendimento %1 dalla prossima epoca; la riga delle metriche mostra quello dell&apos;ultima epoca.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training stopped: the loss diverged. The weights kept from before that point may already be far off, so lower the learning rate (gradient clipping is already on), press Reset weights and train again before using them.</source>
        <translation>Addestramento fermato: la perdita è divergita. I pesi conservati possono già essere molto sbagliati, quindi abbassa il tasso di apprendimento (il clipping del gradiente è già attivo), premi Reinizializza i pesi e riaddestra prima di usarli.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The weights kept predict worse than repeating the last value: train longer or try other settings.</source>
        <translation>I pesi tenuti predicono peggio che ripetere l&apos;ultimo valore: addestra più a lungo o prova altre impostazioni.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>weights</source>
        <translation>pesi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>predictions</source>
        <translation>predizioni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss_history</source>
        <translation>storico_perdita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss_plot</source>
        <translation>grafico_perdita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>predictions_plot</source>
        <translation>grafico_predizioni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient_plot</source>
        <translation>grafico_gradiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hidden_state_plot</source>
        <translation>grafico_stati_nascosti</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The validation loss then rose to %1, over %3 times its best (%2). With only 1 validation window, that best may be luck: a longer series gives a steadier measure, and a lower learning rate may help too.</source>
        <translation>Poi la perdita di validazione è salita a %1, oltre %3 volte la sua migliore (%2). Con una sola finestra di validazione quella migliore può essere un caso: una serie più lunga dà una misura più stabile, e può aiutare anche un tasso di apprendimento più basso.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The validation loss then rose to %1, over %3 times its best (%2). With only %4 validation windows, that best may be luck: a longer series gives a steadier measure, and a lower learning rate may help too.</source>
        <translation>Poi la perdita di validazione è salita a %1, oltre %3 volte la sua migliore (%2). Con solo %4 finestre di validazione quella migliore può essere un caso: una serie più lunga dà una misura più stabile, e può aiutare anche un tasso di apprendimento più basso.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>column %1</source>
        <translation>colonna %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 was trained on %2, which is not found any more. Give the data with --csv or --generator.</source>
        <translation>%1 è stato addestrato con %2, che non si trova più. Indica i dati con --csv o --generator.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%2

The weights were trained on %1. Open that data and load the weights onto it?</source>
        <translation>%2

I pesi sono stati addestrati con %1. Aprire quei dati e caricarvi i pesi?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot load %1 onto the current series: %2</source>
        <translation>Impossibile caricare %1 sulla serie attuale: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the weights&apos; data?</source>
        <translation>Aprire i dati su cui sono stati addestrati i pesi?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These weights were trained on %1, not on the current series.

Yes: open that data and load the weights onto it.
No: load the weights onto the current series.
Cancel: do not load the weights.</source>
        <translation>Questi pesi non sono stati addestrati sulla serie attuale, ma su %1.

Sì: apri quei dati e carica i pesi su di essi.
No: carica i pesi sulla serie attuale.
Annulla: non caricare i pesi.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weights from %1 not loaded.</source>
        <translation>I pesi di %1 non sono stati caricati.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>sample %1</source>
        <translation>l&apos;esempio %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, column &quot;%2&quot;</source>
        <translation>%1, colonna «%2»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the %1 generator (%2 values)</source>
        <translation>il generatore %1 (valori: %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 esiste già. Vuoi sostituirlo?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weights saved to %1.</source>
        <translation>Pesi salvati in %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weights loaded from %1 (trained for 1 epoch).</source>
        <translation>Pesi caricati da %1 (addestrati per 1 epoca).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights loaded from %1 (trained for %2 epochs).</source>
        <translation>Pesi caricati da %1 (epoche di addestramento: %2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+9"/>
        <source>Warning: %1</source>
        <translation>Attenzione: %1</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Scaler fitted on other data · %1</source>
        <translation>Scaler stimato su altri dati · %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exported to %1.</source>
        <translation>Esportato in %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data or the model settings changed, so training starts a new model; the previous one had trained for 1 epoch.</source>
        <translation>I dati o le impostazioni del modello sono cambiati, quindi l&apos;addestramento parte da un nuovo modello; il precedente era stato addestrato per 1 epoca.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The data or the model settings changed, so training starts a new model; the previous one had trained for %1 epochs.</source>
        <translation>I dati o le impostazioni del modello sono cambiati, quindi l&apos;addestramento parte da un nuovo modello; il precedente era arrivato all&apos;epoca %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weights re-initialised.</source>
        <translation>Pesi reinizializzati.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The language changes the next time the app starts.</source>
        <translation>La lingua cambierà al prossimo avvio dell&apos;app.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The window already uses this language.</source>
        <translation>La finestra usa già questa lingua.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>comma (,)</source>
        <translation>virgola (,)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>semicolon (;)</source>
        <translation>punto e virgola (;)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vertical bar (|)</source>
        <translation>barra verticale (|)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tab</source>
        <translation>tabulazione</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The file reads as one column, but its header splits at the %4 into %2 columns (%3) and its rows at the %1; if the %1 separates the columns, choose it as the delimiter.</source>
        <translation>Il file si legge come una sola colonna, ma la sua intestazione si divide in %2 colonne (%3) al carattere %4 e le sue righe al carattere %1; se il carattere %1 separa le colonne, sceglilo come separatore.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file reads as one column, but the header and the rows split at the %1 into %2 columns (%3); if the %1 separates the columns, choose it as the delimiter and the point (.) as the decimal mark.</source>
        <translation>Il file si legge come una sola colonna, ma l&apos;intestazione e le righe si dividono in %2 colonne (%3) al carattere %1; se il carattere %1 separa le colonne, sceglilo come separatore e il punto (.) come separatore decimale.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file reads as one column, but the header and the rows split at the %1 into %2 columns (%3); if the %1 separates the columns, choose it as the delimiter.</source>
        <translation>Il file si legge come una sola colonna, ma l&apos;intestazione e le righe si dividono in %2 colonne (%3) al carattere %1; se il carattere %1 separa le colonne, sceglilo come separatore.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start is unavailable. %1</source>
        <translation>Avvia non è disponibile. %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Adapted the settings to the %1 values of this series, so it can train: %2.</source>
        <translation>Impostazioni adattate ai %1 valori di questa serie, così si può addestrare: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adapted the settings to the %1 values of this series: %2.</source>
        <translation>Impostazioni adattate ai %1 valori di questa serie: %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>1 training window, 1 validation window</source>
        <translation>1 finestra di addestramento, 1 finestra di validazione</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 training window, %2 validation windows</source>
        <translation>1 finestra di addestramento, %2 finestre di validazione</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 training windows, 1 validation window</source>
        <translation>%1 finestre di addestramento, 1 finestra di validazione</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 training, %2 validation windows</source>
        <translation>finestre: %1 di addestramento, %2 di validazione</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>window length %1 -&gt; %2 (the shortest window, as a quarter of the series is less than 1)</source>
        <translation>lunghezza della finestra da %1 a %2 (la più corta, perché un quarto della serie è meno di 1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>window length %1 -&gt; %2 (at most a quarter of the series)</source>
        <translation>lunghezza della finestra da %1 a %2 (al massimo un quarto della serie)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>window length %1 -&gt; %2 again, as before the shorter series</source>
        <translation>lunghezza della finestra da %1 a %2, come prima della serie più corta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>validation on the last %1 % of the windows</source>
        <translation>validazione sull&apos;ultimo %1 % delle finestre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>validation on the last %1 % of the windows, as for every CSV file</source>
        <translation>validazione sull&apos;ultimo %1 % delle finestre, come per ogni file CSV</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>validation on the last %1 windows, as for every generated series</source>
        <translation>validazione sulle ultime %1 finestre, come per ogni serie generata</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trained one more epoch; the model is now at epoch %1.</source>
        <translation>Addestrata un&apos;altra epoca; il modello ora è all&apos;epoca %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training continues after early stopping from the weights of epoch %1; the patience count starts again at 0.</source>
        <translation>L&apos;addestramento riprende dopo l&apos;arresto anticipato dai pesi dell&apos;epoca %1; il conteggio della pazienza riparte da 0.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trained one more epoch after early stopping, from the weights of epoch %1; the model is now at epoch %2, and the patience count started again at 0.</source>
        <translation>Addestrata un&apos;altra epoca dopo l&apos;arresto anticipato, dai pesi dell&apos;epoca %1; il modello ora è all&apos;epoca %2 e il conteggio della pazienza è ripartito da 0.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tutorial preset: its saturated sigmoid units barely learn in 25 epochs and end near predicting zero. Choose Recommended for a model that fits the series.</source>
        <translation>Preimpostazione Tutorial: le sue unità sigmoidi sature imparano poco in 25 epoche e finiscono per predire valori vicini a zero. Scegli Consigliata per un modello che segua la serie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tutorial preset: the classic tutorial&apos;s settings, made for its sine wave. Its saturated sigmoid units barely learn in 25 epochs, and this series is not scaled, so expect a poor fit. Choose Recommended for a model that fits the series.</source>
        <translation>Preimpostazione Tutorial: le impostazioni del tutorial classico, pensate per la sua onda sinusoidale. Le sue unità sigmoidi sature imparano poco in 25 epoche, e questa serie non è scalata, quindi aspettati un adattamento scarso. Scegli Consigliata per un modello che segua la serie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Results of the previous model; Start trains a new one</source>
        <translation>Risultati del modello precedente; Avvia ne addestra uno nuovo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Epoch %1 (one step)</source>
        <translation>Epoca %1 (passo singolo)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped early at epoch %1, kept epoch %2</source>
        <translation>Arresto anticipato all&apos;epoca %1, pesi dell&apos;epoca %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Previous model. %1</source>
        <translation>Modello precedente. %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training now starts a new model, which replaces the current one, trained for 1 epoch. Its weights have not been saved. Save them first?</source>
        <translation>L&apos;addestramento ora inizia un nuovo modello, che sostituisce quello attuale, addestrato per 1 epoca. I suoi pesi non sono stati salvati. Vuoi salvarli prima?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training now starts a new model, which replaces the current one, trained for %1 epochs. Its weights have not been saved. Save them first?</source>
        <translation>L&apos;addestramento ora inizia un nuovo modello, che sostituisce quello attuale, addestrato per %1 epoche. I suoi pesi non sono stati salvati. Vuoi salvarli prima?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading weights replaces the current model, trained for 1 epoch. Its weights have not been saved. Save them first?</source>
        <translation>Caricare i pesi sostituisce il modello attuale, addestrato per 1 epoca. I suoi pesi non sono stati salvati. Vuoi salvarli prima?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading weights replaces the current model, trained for %1 epochs. Its weights have not been saved. Save them first?</source>
        <translation>Caricare i pesi sostituisce il modello attuale, addestrato per %1 epoche. I suoi pesi non sono stati salvati. Vuoi salvarli prima?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Early stopping kept the weights of epoch %1, so those are the weights Save writes.</source>
        <translation>L&apos;arresto anticipato ha tenuto i pesi dell&apos;epoca %1: sono quelli che Salva scriverà.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reset weights discards the training of the current model, 1 epoch. Its weights have not been saved. Save them first?</source>
        <translation>Reinizializzare i pesi annulla l&apos;addestramento del modello attuale, 1 epoca. I suoi pesi non sono stati salvati. Vuoi salvarli prima?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset weights discards the training of the current model, %1 epochs. Its weights have not been saved. Save them first?</source>
        <translation>Reinizializzare i pesi annulla l&apos;addestramento del modello attuale, %1 epoche. I suoi pesi non sono stati salvati. Vuoi salvarli prima?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open sa&amp;mple</source>
        <translation>Apri un ese&amp;mpio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Airline passengers, monthly 1949-1960 (144 values)</source>
        <translation>Passeggeri aerei, mensile 1949-1960 (144 valori)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nile river flow, yearly 1871-1970 (100 values)</source>
        <translation>Portata del Nilo, annuale 1871-1970 (100 valori)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sunspots, monthly 1749-2013 (3177 values)</source>
        <translation>Macchie solari, mensile 1749-2013 (3177 valori)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Epoch %1 / %2 - %4 samples/s</source>
        <translation>Epoca %1 di %2 · %4 campioni/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epoch %1 / %2 - ETA %3 - %4 samples/s</source>
        <translation>Epoca %1 di %2 · tempo rimanente %3 · %4 campioni/s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No training yet</source>
        <translation>Nessun addestramento finora</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Epoch %1 / %2 running: batch %3 of %4</source>
        <translation>Epoca %1 di %2 in corso: batch %3 di %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 - ETA %2</source>
        <translation>%1 · tempo rimanente %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Epoch %1 / %2 paused after batch %3 of %4</source>
        <translation>Epoca %1 di %2 in pausa dopo il batch %3 di %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Epoch %1 / %2 running</source>
        <translation>Epoca %1 di %2 in corso</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Epoch %1 / %2 paused</source>
        <translation>Epoca %1 di %2 in pausa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the training loss</source>
        <translation>la perdita di addestramento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the gradient norm</source>
        <translation>la norma del gradiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the validation loss</source>
        <translation>la perdita di validazione</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a weight</source>
        <translation>un peso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diverged at epoch %1</source>
        <translation>Divergenza all&apos;epoca %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diverged at epoch %1: %2 reached %3, above the limit of %4</source>
        <translation>Divergenza all&apos;epoca %1: %2 ha raggiunto %3, oltre il limite di %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diverged at epoch %1: %2 became NaN or infinite</source>
        <translation>Divergenza all&apos;epoca %1: valore NaN o infinito per %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopped at epoch %1 of %2</source>
        <translation>Fermato all&apos;epoca %1 di %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped in epoch %1 before its first batch ended; the weights are unchanged</source>
        <translation>Fermato nell&apos;epoca %1 prima della fine del suo primo batch; i pesi non sono cambiati</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopped in epoch %1, after %2 of its %3 batches</source>
        <translation>Fermato nell&apos;epoca %1, dopo %2 dei suoi %3 batch</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loaded the weights of epoch %1, which early stopping kept after %2 epochs</source>
        <translation>Caricati i pesi dell&apos;epoca %1, tenuti dall&apos;arresto anticipato dopo %2 epoche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loaded weights of epoch %1; not trained further yet</source>
        <translation>Pesi dell&apos;epoca %1 caricati; non ancora addestrati oltre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>repeating the last value does better: %1</source>
        <translation>ripetere l&apos;ultimo valore fa meglio: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeating the last value: %1</source>
        <translation>ripetere l&apos;ultimo valore dà %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Validation RMSE %1 (%4) · MAE %2 · MAPE %3 · learning rate %5</source>
        <translation>RMSE di validazione %1 (%4) · MAE %2 · MAPE %3 · tasso di apprendimento %5</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Starting weights, before any update: validation RMSE %1 (%2) · MAE %3 · MAPE %4</source>
        <translation>Pesi iniziali, prima di qualsiasi aggiornamento: RMSE di validazione %1 (%2) · MAE %3 · MAPE %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weights of epoch %1: validation RMSE %2 (%3) · MAE %4 · MAPE %5</source>
        <translation>Pesi dell&apos;epoca %1: RMSE di validazione %2 (%3) · MAE %4 · MAPE %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The trained weights have not been saved. Save them before closing?</source>
        <translation>I pesi addestrati non sono stati salvati. Vuoi salvarli prima di chiudere?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model was trained on other data than the series shown, so there are no predictions of this series to export. Press Start or Step to train on it, or open the model&apos;s data again.</source>
        <translation>Il modello è stato addestrato su dati diversi dalla serie mostrata, quindi non ci sono predizioni di questa serie da esportare. Premi Avvia o Avanza per addestrarlo su di essa, oppure riapri i dati del modello.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no model yet. Train one with Start or Step, or load weights.</source>
        <translation>Non c&apos;è ancora un modello. Addestrane uno con Avvia o Avanza, oppure carica dei pesi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no loss history yet. Train with Start or Step, then export it.</source>
        <translation>Non c&apos;è ancora una cronologia della perdita. Addestra con Avvia o Avanza, poi esportala.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop or pause training first.</source>
        <translation>Prima ferma l&apos;addestramento o mettilo in pausa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The learning rate can be changed while training is paused or stopped.</source>
        <translation>Il tasso di apprendimento si può cambiare quando l&apos;addestramento è in pausa o fermo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not read %1: %2</source>
        <translation>Impossibile leggere %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is %2, with more decimal places than the window keeps (%3). Continue training with the command line: rnn-desktop train --load FILE</source>
        <translation>%1 vale %2, con più decimali di quanti la finestra ne conservi (%3). Continua l&apos;addestramento dalla riga di comando: rnn-desktop train --load FILE</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is %2, outside the range the window accepts (%3 to %4). Continue training with the command line: rnn-desktop train --load FILE</source>
        <translation>%1 vale %2, fuori dall&apos;intervallo accettato dalla finestra (da %3 a %4). Continua l&apos;addestramento dalla riga di comando: rnn-desktop train --load FILE</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot open %1: drop a .csv, .tsv or .txt file to load data, or a .npz file to load weights.</source>
        <translation>Impossibile aprire %1: trascina un file .csv, .tsv o .txt per caricare i dati, o un file .npz per caricare i pesi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training failed with an unexpected error: %1
The details are in the log file %2.</source>
        <translation>L&apos;addestramento si è interrotto per un errore imprevisto: %1
I dettagli sono nel file di log %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>exit status unknown</source>
        <translation>stato di uscita sconosciuto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped by signal %1</source>
        <translation>fermato dal segnale %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exit code %1</source>
        <translation>codice di uscita %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The training process ended unexpectedly (%1). The model is back at epoch %2, where the run started or was last paused.
The details are in the log file %3.</source>
        <translation>Il processo di addestramento è terminato inaspettatamente (%1). Il modello è tornato all&apos;epoca %2, dove l&apos;esecuzione era iniziata o era stata messa in pausa l&apos;ultima volta.
I dettagli sono nel file di log %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected error: %1
The details are in the log file %2.</source>
        <translation>Errore imprevisto: %1
I dettagli sono nel file di log %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invalid value %1 for %2: %3</source>
        <translation>Valore %1 non valido per %2: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown preset %1.</source>
        <translation>Preimpostazione %1 sconosciuta.</translation>
    </message>
    <message>
        <location filename="../../rnn_desktop/gui/core_errors.py" line="+61"/>
        <source>window length</source>
        <translation>lunghezza della finestra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation windows</source>
        <translation>finestre di validazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation fraction</source>
        <translation>frazione di validazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scaling</source>
        <translation>scalatura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hidden units</source>
        <translation>unità nascoste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activation</source>
        <translation>attivazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>initialisation</source>
        <translation>inizializzazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>float type</source>
        <translation>tipo in virgola mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epochs</source>
        <translation>epoche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch size</source>
        <translation>dimensione del batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning rate</source>
        <translation>tasso di apprendimento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimiser</source>
        <translation>ottimizzatore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>momentum</source>
        <translation>momento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BPTT truncation</source>
        <translation>troncamento della BPTT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clipping by value</source>
        <translation>clipping per valore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clipping by norm</source>
        <translation>clipping per norma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>random seed</source>
        <translation>seme casuale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>early-stopping patience</source>
        <translation>pazienza dell&apos;arresto anticipato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning-rate decay patience</source>
        <translation>pazienza della riduzione del tasso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning-rate decay factor</source>
        <translation>fattore di riduzione del tasso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minimum learning rate</source>
        <translation>tasso di apprendimento minimo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>length</source>
        <translation>lunghezza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>noise</source>
        <translation>rumore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forecast steps</source>
        <translation>passi di previsione</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unknown delimiter &quot;%1&quot;. Use one of: %2.</source>
        <translation>Separatore «%1» sconosciuto. Usa uno di questi: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown encoding &quot;%1&quot;. Use a Python codec name such as utf-8, utf-16 or cp1252.</source>
        <translation>Codifica «%1» sconosciuta. Usa il nome di un codec Python, per esempio utf-8, utf-16 o cp1252.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown decimal mark &quot;%1&quot;. Use &quot;.&quot; or &quot;,&quot;.</source>
        <translation>Separatore decimale «%1» sconosciuto. Usa «.» o «,».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown missing-value policy &quot;%1&quot;. Use one of: %2.</source>
        <translation>Regola per i valori mancanti «%1» sconosciuta. Usa una di queste: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: column &quot;%2&quot; has 1 missing value (line %3), and missing values are set to reject the file. Fill it in the file, or choose to interpolate it or to drop its row.</source>
        <translation>%1: nella colonna «%2» manca un valore (alla riga %3) e per i valori mancanti è impostato il rifiuto del file. Completalo nel file, oppure scegli di interpolarlo o di scartarne la riga.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: column &quot;%2&quot; has %3 missing values (lines %4), and missing values are set to reject the file. Fill them in the file, or choose to interpolate them or to drop their rows.</source>
        <translation>%1: nella colonna «%2» mancano dei valori (%3, alle righe %4) e per i valori mancanti è impostato il rifiuto del file. Completali nel file, oppure scegli di interpolarli o di scartarne le righe.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The cell spans several lines, so a quote opened there is probably never closed.</source>
        <translation>La cella occupa più righe: probabilmente lì si apre una virgoletta che non viene mai chiusa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first cell spans several lines, so a quote opened there is probably never closed.</source>
        <translation>La prima cella occupa più righe: probabilmente lì si apre una virgoletta che non viene mai chiusa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It reads as a number with the decimal mark &quot;%1&quot;; if the file uses it, set the decimal mark.</source>
        <translation>Con il separatore decimale «%1» si legge come un numero: se il file usa quel separatore, impostalo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first one reads as a number with the decimal mark &quot;%1&quot;; if the file uses it, set the decimal mark.</source>
        <translation>Con il separatore decimale «%1» la prima si legge come un numero: se il file usa quel separatore, impostalo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no numeric column (columns: %2).</source>
        <translation>%1 non ha colonne numeriche (colonne: %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no numeric column (columns: %2). A series needs a column of numbers: check the delimiter and the decimal mark, or choose the column that holds the numbers if some text cells made it read as text.</source>
        <translation>%1 non ha colonne numeriche (colonne: %2). Una serie richiede una colonna di numeri: controlla il separatore e il separatore decimale, oppure scegli la colonna che contiene i numeri se alcune celle di testo l&apos;hanno fatta leggere come testo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, line %2, column &quot;%3&quot;: &quot;%4&quot; is not a number.</source>
        <translation>%1, riga %2, colonna «%3»: «%4» non è un numero.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, line %2, column &quot;%3&quot;: &quot;%4&quot; is not a number.%5 Correct or empty that cell, or choose another column.</source>
        <translation>%1, riga %2, colonna «%3»: «%4» non è un numero.%5 Correggi o svuota la cella, oppure scegli un&apos;altra colonna.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, line %2, column &quot;%3&quot;: &quot;%4&quot; is too large for a 64-bit float, which holds magnitudes up to about 1.8e308. Correct or empty that cell, or choose another column. If the column really holds values this large, divide them by a power of ten in the file first.</source>
        <translation>%1, riga %2, colonna «%3»: «%4» è troppo grande per un numero in virgola mobile a 64 bit, che arriva in valore assoluto a circa 1,8e308. Correggi o svuota la cella, oppure scegli un&apos;altra colonna. Se la colonna contiene davvero valori così grandi, dividili prima per una potenza di dieci nel file.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1 &quot;%2&quot;</source>
        <translation>riga %1 «%2»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, and 1 more</source>
        <translation> e un&apos;altra</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, and at least %1 more</source>
        <translation> e almeno altre %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, and %1 more</source>
        <translation> e altre %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, column &quot;%2&quot;: at least %3 cells are not numbers: %4.</source>
        <translation>%1, colonna «%2»: almeno %3 celle non sono numeri: %4.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, column &quot;%2&quot;: %3 cells are not numbers: %4.</source>
        <translation>%1, colonna «%2»: %3 celle non sono numeri: %4.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Line %1 &quot;%2&quot; is too large for a 64-bit float, which holds magnitudes up to about 1.8e308.</source>
        <translation>Il valore «%2» della riga %1 è troppo grande per un numero in virgola mobile a 64 bit, che arriva in valore assoluto a circa 1,8e308.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct or empty those cells, or choose another column.</source>
        <translation>Correggi o svuota quelle celle, oppure scegli un&apos;altra colonna.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has a header row but no data rows, so the series is too short: 0 values, at least %2 needed. Use a file with data below the header.</source>
        <translation>%1 ha una riga di intestazione ma nessuna riga di dati, quindi la serie è troppo corta (valori: 0, ne servono almeno %2). Usa un file con i dati sotto l&apos;intestazione.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has only empty data rows, so the series is too short: 0 values, at least %2 needed. Use a file with values in column &quot;%3&quot;.</source>
        <translation>%1 ha solo righe di dati vuote, quindi la serie è troppo corta (valori: 0, ne servono almeno %2). Usa un file con dei valori nella colonna «%3».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the series is too short: %2 values, at least %3 needed. Use a longer file.</source>
        <translation>%1: la serie è troppo corta (valori: %2, ne servono almeno %3). Usa un file più lungo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The series has %1 values but needs at least %2 for these windows and the validation part. Use a longer series, a window length of at most %3 or fewer validation windows.</source>
        <translation>La serie ha %1 valori, ma ne servono almeno %2 per queste finestre e per la parte di validazione. Usa una serie più lunga, una lunghezza della finestra di al massimo %3 o meno finestre di validazione.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The series has %1 values but needs at least %2 for these windows and the validation part. Use a longer series, a shorter window or fewer validation windows.</source>
        <translation>La serie ha %1 valori, ma ne servono almeno %2 per queste finestre e per la parte di validazione. Usa una serie più lunga, una finestra più corta o meno finestre di validazione.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown %1 &quot;%2&quot;. Use one of: %3.</source>
        <translation>%1: valore «%2» sconosciuto. Usa uno di questi: %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 must be a number above 0, but it is %2. Set a positive value.</source>
        <translation>%1: serve un numero maggiore di 0, ma il valore attuale è %2. Imposta un valore positivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 must be a whole number of at least %2, but it is %3.</source>
        <translation>%1: serve un numero intero non inferiore a %2, ma il valore attuale è %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set the number of validation windows or the fraction of windows used for validation.</source>
        <translation>Imposta il numero di finestre di validazione o la frazione di finestre da usare per la validazione.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must be between 0 and 1, both excluded, but it is %2.</source>
        <translation>%1: serve un valore compreso tra 0 e 1 (estremi esclusi), ma il valore attuale è %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must be at least 0 and below 1, but it is %2.</source>
        <translation>%1: serve un valore non inferiore a 0 e minore di 1, ma il valore attuale è %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 must be 0 or more, but it is %2.</source>
        <translation>%1: serve un valore maggiore o uguale a 0, ma il valore attuale è %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generator %1: %2 must be a finite number, but it is %3.</source>
        <translation>Generatore %1: per %2 serve un numero finito, ma il valore è %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generator %1: %2 = %3 is out of range. Use a value from %4 to %5.</source>
        <translation>Generatore %1: %2 = %3 è fuori dall&apos;intervallo consentito. Usa un valore da %4 a %5.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 needs an estimated %3 GiB of memory, but this computer has %4 GiB.</source>
        <translation>%1 = %2 richiede circa %3 GiB di memoria, ma questo computer ne ha %4 GiB.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use a shorter window or a smaller batch.</source>
        <translation>Usa una finestra più corta o un batch più piccolo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>these weights read windows of %1 values, so with this validation split they need a series of at least %2 values, but this one has %3. Load a longer series.</source>
        <translation>questi pesi leggono finestre di %1 valori, quindi con questa suddivisione per la validazione richiedono una serie di almeno %2 valori, ma questa ne ha %3. Carica una serie più lunga.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>these weights need a series of at least %1 values, but this one has %2. Load a longer series.</source>
        <translation>questi pesi richiedono una serie di almeno %1 valori, ma questa ne ha %2. Carica una serie più lunga.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 does not match the weights file, which has %3. Leave it unset or train a new model.</source>
        <translation>%1: il valore %2 non corrisponde al file dei pesi, che ha %3. Non impostarlo oppure addestra un nuovo modello.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV file not found: %1. Check the path and try again.</source>
        <translation>File CSV non trovato: %1. Controlla il percorso e riprova.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a folder, not a CSV file. Choose a file inside it.</source>
        <translation>%1 è una cartella, non un file CSV. Scegli un file al suo interno.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read %1: %2. Check that the file is readable.</source>
        <translation>Impossibile leggere %1: %2. Controlla che il file sia leggibile.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 contains NUL bytes (bytes of value 0), so it looks like a binary file, not a CSV file. Export the data as CSV text and try again.</source>
        <translation>%1 contiene byte NUL (byte di valore 0), quindi sembra un file binario e non un file CSV. Esporta i dati come testo CSV e riprova.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, line %2: byte %3 is invalid in the encoding %4. Set the encoding the file was saved with (for example utf-8, utf-16 or cp1252).</source>
        <translation>%1, riga %2: il byte %3 non è valido nella codifica %4. Imposta la codifica con cui è stato salvato il file (per esempio utf-8, utf-16 o cp1252).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no zero bytes, so it is not %2 text. Leave out the encoding to detect it, or set the one the file was saved with (for example utf-8 or cp1252).</source>
        <translation>%1 non contiene byte zero, quindi non è testo %2. Togli la codifica per farla riconoscere, o imposta quella con cui il file è stato salvato (per esempio utf-8 o cp1252).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 reads as one text column: with the decimal mark &apos;,&apos; the comma cannot also be the delimiter. If the commas separate columns, choose &apos;.&apos; as the decimal mark; if they are decimal marks, choose the delimiter.</source>
        <translation>%1 si legge come un&apos;unica colonna di testo: con il separatore decimale &apos;,&apos; la virgola non può essere anche il separatore di campo. Se le virgole separano le colonne, scegli &apos;.&apos; come separatore decimale; se sono separatori decimali, scegli il separatore di campo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: column %2, %3, contains dates or times, which give the plots their time axis, not a series; choose a numeric column: %4.</source>
        <translation>%1: la colonna %2, %3, contiene date od orari, che danno ai grafici l&apos;asse del tempo, non una serie; scegli una colonna numerica: %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has %2 columns named %3 (indexes %4); choose one by its index, counted from 0.</source>
        <translation>%1 ha %2 colonne di nome %3 (indici %4); scegline una con il suo indice, contato da 0.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the file is truncated or damaged; load another copy, or train and save the weights again</source>
        <translation>il file è troncato o danneggiato: carica un&apos;altra copia, oppure addestra e salva di nuovo i pesi</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>the same number of values, %1, but other ones</source>
        <translation>lo stesso numero di valori, %1, ma valori diversi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 values then, %2 now</source>
        <translation>valori allora: %1, ora: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the data in %1 changed since the weights in %2 were saved (%3); the scaler fitted then is reused, so the predictions and errors may be far off. Train on, or train a new model.</source>
        <translation>%1: i dati sono cambiati da quando sono stati salvati i pesi in %2 (%3); viene riutilizzato lo scaler stimato allora, quindi le predizioni e gli errori possono essere molto lontani dal vero. Continua l&apos;addestramento, oppure addestra un nuovo modello.</translation>
    </message>
    <message>
        <location line="-285"/>
        <source>%1: every value in column &quot;%2&quot; is missing. Choose another column.</source>
        <translation>%1: nella colonna «%2» mancano tutti i valori. Scegli un&apos;altra colonna.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>empty</source>
        <translation>vuote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: every value in column &quot;%2&quot; is missing (its cells are %3), so the file has no numeric column to read. Fill in column &quot;%2&quot; and read the file again.</source>
        <translation>%1: nella colonna «%2» mancano tutti i valori (le sue celle sono %3), quindi il file non ha colonne numeriche da leggere. Completa la colonna «%2» e leggi di nuovo il file.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Use %1 or fewer hidden units, or a shorter window or a smaller batch.</source>
        <translation>Usa %1 unità nascoste o meno, oppure una finestra più corta o un batch più piccolo.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 contains no data rows. Choose a file with at least %2 values.</source>
        <translation>%1 non contiene righe di dati. Scegli un file con almeno %2 valori.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, line %2: the CSV structure is broken (%3). Look for an unclosed quote near that line.</source>
        <translation>%1, riga %2: la struttura CSV non è valida (%3). Cerca una virgoletta non chiusa vicino a quella riga.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no column %2. Columns: %3.</source>
        <translation>%1 non ha la colonna %2. Colonne: %3.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The series is not numeric. Choose a numeric column.</source>
        <translation>La serie non è numerica. Scegli una colonna numerica.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The series must be one-dimensional, but its shape is %1.</source>
        <translation>La serie deve essere unidimensionale, ma la sua forma è %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The series contains %1 NaN or infinite values, the first at position %2. Fill or drop them before training.</source>
        <translation>La serie contiene valori NaN o infiniti (%1), il primo in posizione %2. Completali o eliminali prima dell&apos;addestramento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown preset %1. Use one of: %2.</source>
        <translation>Preimpostazione %1 sconosciuta. Usa una di queste: %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the file does not exist</source>
        <translation>il file non esiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file cannot be read</source>
        <translation>il file non si può leggere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is empty; choose a file saved by rnn-desktop</source>
        <translation>il file è vuoto; scegli un file salvato da rnn-desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is not an npz archive; choose a .npz file saved by rnn-desktop</source>
        <translation>il file non è un archivio npz; scegli un file .npz salvato da rnn-desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>array %1 contains pickled Python objects, which are never loaded because unpickling can run code</source>
        <translation>l&apos;array %1 contiene oggetti Python serializzati con pickle, che non vengono mai caricati perché la deserializzazione può eseguire codice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the entry %1 is missing; choose a file saved by rnn-desktop</source>
        <translation>manca la voce %1; scegli un file salvato da rnn-desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the metadata is invalid; choose a file saved by rnn-desktop</source>
        <translation>i metadati non sono validi; scegli un file salvato da rnn-desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file format version %1 is newer than this program reads (%2); update rnn-desktop to load it</source>
        <translation>la versione %1 del formato del file è più recente di quella che questo programma sa leggere (%2); aggiorna rnn-desktop per caricarlo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>array %1 has shape %2, but the metadata needs %3</source>
        <translation>l&apos;array %1 ha forma %2, ma i metadati richiedono %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>array %1 has type %2, but the metadata says %3</source>
        <translation>l&apos;array %1 ha tipo %2, ma i metadati indicano %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>array %1 contains %2 NaN or infinite values</source>
        <translation>l&apos;array %1 contiene valori NaN o infiniti (%2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>generator %1</source>
        <translation>il generatore %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>another series</source>
        <translation>un&apos;altra serie</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the weights in %1 were trained on %2 (%3 values), not on %4 (%5 values); the scaler fitted on %2 is reused, so the predictions and errors may be far off. %2 is not found any more, so train a new model for this series.</source>
        <translation>i pesi in %1 sono stati addestrati con %2 (valori: %3), non con %4 (valori: %5); lo scaler stimato con %2 viene riutilizzato, quindi le predizioni e gli errori possono essere molto lontani dal vero. %2 non si trova più, quindi addestra un nuovo modello per questa serie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the weights in %1 were trained on %2 (%3 values), not on %4 (%5 values); the scaler fitted on %2 is reused, so the predictions and errors may be far off. Train a new model for this series, or open the data the weights were trained on.</source>
        <translation>i pesi in %1 sono stati addestrati con %2 (valori: %3), non con %4 (valori: %5); lo scaler stimato con %2 viene riutilizzato, quindi le predizioni e gli errori possono essere molto lontani dal vero. Addestra un nuovo modello per questa serie, oppure apri i dati su cui i pesi sono stati addestrati.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this series</source>
        <translation>questa serie</translation>
    </message>
</context>
<context>
    <name>CsvForm</name>
    <message>
        <location filename="../../rnn_desktop/gui/data_panel.py" line="+248"/>
        <source>No file</source>
        <translation>Nessun file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open CSV...</source>
        <translation>Apri CSV...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a CSV file (Ctrl+O). You can also drop a file on the window.</source>
        <translation>Scegli un file CSV (Ctrl+O). Puoi anche trascinare un file sulla finestra.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The column to train on. Only numeric columns can be chosen.</source>
        <translation>La colonna su cui addestrare. Si possono scegliere solo colonne numeriche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(one column)</source>
        <translation>(una sola colonna)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tab</source>
        <translation>tabulazione</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>space</source>
        <translation>spazio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>numeric</source>
        <translation>numerica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>testo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>date and time</source>
        <translation>data e ora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>empty</source>
        <translation>vuota</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>comma (,)</source>
        <translation>virgola (,)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>semicolon (;)</source>
        <translation>punto e virgola (;)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vertical bar (|)</source>
        <translation>barra verticale (|)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>point (.)</source>
        <translation>punto (.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field separator, as detected; choose another to override it.</source>
        <translation>Separatore di campo rilevato; scegline un altro per sostituirlo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decimal mark, as detected; choose another to override it.</source>
        <translation>Separatore decimale rilevato; scegline un altro per sostituirlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text encoding, as detected; choose or type another to override it.</source>
        <translation>Codifica del testo rilevata; scegline o scrivine un&apos;altra per sostituirla.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first row is a header</source>
        <translation>la prima riga è l&apos;intestazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first row is data</source>
        <translation>la prima riga contiene dati</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the first row names the columns, as detected.</source>
        <translation>Indica se la prima riga contiene i nomi delle colonne, come rilevato.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interpolate</source>
        <translation>interpola</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drop the row</source>
        <translation>scarta la riga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reject the file</source>
        <translation>rifiuta il file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do with empty or non-numeric cells in the column.</source>
        <translation>Cosa fare con le celle vuote o non numeriche della colonna.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Back to the series in use</source>
        <translation>Torna alla serie in uso</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Column</source>
        <translation>Colonna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delimiter</source>
        <translation>Separatore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decimal mark</source>
        <translation>Separatore decimale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>Codifica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header</source>
        <translation>Intestazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing values</source>
        <translation>Valori mancanti</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>index %1, %2</source>
        <translation>indice %1, %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 values, %2 missing (%3)</source>
        <translation>%1 valori, valori mancanti: %2 (%3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A missing value at line %1.</source>
        <translation>Un valore mancante alla riga %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing values at lines %1.</source>
        <translation>Valori mancanti alle righe %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every value in column &quot;%1&quot; is %2, so there is nothing to learn; if another column is the series, choose it above.</source>
        <translation>Ogni valore della colonna «%1» è %2, quindi non c&apos;è niente da imparare; se la serie è un&apos;altra colonna, sceglila qui sopra.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>1 row has more or fewer cells than the first row (line %1).</source>
        <translation>1 riga ha più o meno celle della prima riga (riga %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rows have more or fewer cells than the first row (lines %2).</source>
        <translation>%1 righe hanno più o meno celle della prima riga (righe %2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cells in the header row: %1, in most data rows: %2; check the delimiter.</source>
        <translation>Celle nella riga di intestazione: %1, nella maggior parte delle righe di dati: %2; controlla il separatore.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The rows are split at the %1 chosen above, but detection chooses the %2; if the %2 separates the columns, choose it as the delimiter.</source>
        <translation>Le righe sono divise al carattere %1 scelto sopra, ma il rilevamento sceglie il carattere %2; se il carattere %2 separa le colonne, sceglilo come separatore.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every row is two whole numbers separated by a comma (%1); if the file is one column of numbers with decimal commas, choose &apos;,&apos; as the decimal mark.</source>
        <translation>Ogni riga è fatta di due numeri interi separati da una virgola (%1); se il file è una sola colonna di numeri con la virgola decimale, scegli &apos;,&apos; come separatore decimale.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;.&apos; is read as a thousands separator (%1 is %2); if it is a decimal point, choose &apos;.&apos; as the decimal mark.</source>
        <translation>&apos;.&apos; è letto come separatore delle migliaia (%1 vale %2); se è un separatore decimale, scegli &apos;.&apos; come separatore decimale.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;.&apos; is read as a decimal point (%1 is %2), but it could also separate thousands; if it does, choose &apos;,&apos; as the decimal mark.</source>
        <translation>&apos;.&apos; è letto come separatore decimale (%1 vale %2), ma potrebbe anche separare le migliaia; in quel caso scegli &apos;,&apos; come separatore decimale.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first line is a title above the header, so it is left out.</source>
        <translation>La prima riga è un titolo sopra l&apos;intestazione, quindi resta fuori.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first %1 lines are titles above the header, so they are left out.</source>
        <translation>Le prime %1 righe sono titoli sopra l&apos;intestazione, quindi restano fuori.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Line %1 contains units (%2), so it is not read as data.</source>
        <translation>La riga %1 contiene le unità di misura (%2), quindi non viene letta come dati.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line %1, &quot;%2&quot;, is a totals row, so it is left out of the values.</source>
        <translation>La riga %1, «%2», è una riga di totale, quindi resta fuori dai valori.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line %1 contains the sum of the values above it, so it is left out of the values as a totals row.</source>
        <translation>La riga %1 contiene la somma dei valori sopra di essa, quindi resta fuori dai valori come riga di totale.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column &quot;%1&quot; gives no time axis because line %2 is empty, so the plots use row positions; fill in that cell to get the dates back.</source>
        <translation>La colonna «%1» non dà un asse dei tempi perché la riga %2 è vuota, quindi i grafici usano le posizioni delle righe; compila quella cella per riavere le date.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column &quot;%1&quot; gives no time axis because line %2, &quot;%3&quot;, is not a date, so the plots use row positions; correct that cell to get the dates back.</source>
        <translation>La colonna «%1» non dà un asse dei tempi perché alla riga %2 «%3» non è una data, quindi i grafici usano le posizioni delle righe; correggi quella cella per riavere le date.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The rows run from newest to oldest, so they are read bottom up.</source>
        <translation>Le righe vanno dalla più recente alla più vecchia, quindi sono lette dal basso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The times go back at line %1, so the rows are not in time order, and the plots show them in row order; sort the file by time.</source>
        <translation>Il tempo torna indietro alla riga %1, quindi le righe non sono in ordine di tempo e i grafici le mostrano nell&apos;ordine del file; ordina il file per tempo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The times step by %1, but one step is %2, before line %3; the model takes the rows as evenly spaced.</source>
        <translation>I tempi avanzano di %1, ma un passo è di %2, prima della riga %3; il modello considera le righe equidistanti.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The times step by %1, but %4 steps are longer, the longest %2 before line %3; the model takes the rows as evenly spaced.</source>
        <translation>I tempi avanzano di %1, ma %4 passi sono più lunghi, il più lungo di %2 prima della riga %3; il modello considera le righe equidistanti.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Show and train on %1 again.</source>
        <translation>Mostra di nuovo %1 e addestra su quella serie.</translation>
    </message>
    <message>
        <location line="-120"/>
        <location line="+67"/>
        <source>line %1: %2</source>
        <translation>riga %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 value lies far from the others (%1); check it in the file.</source>
        <translation>1 valore è molto lontano dagli altri (%1); controllalo nel file.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 values lie far from the others (%2); check them in the file.</source>
        <translation>%1 valori sono molto lontani dagli altri (%2); controllali nel file.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Not read: correct the file, or change the column or the settings above. The series in use is still %1.</source>
        <translation>Non letto: correggi il file, oppure cambia la colonna o le impostazioni qui sopra. La serie in uso è ancora quella di prima: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not read: correct the file, or change the column or the settings above.</source>
        <translation>Non letto: correggi il file, oppure cambia la colonna o le impostazioni qui sopra.</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location line="+125"/>
        <source>Generator</source>
        <translation>Generatore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV file</source>
        <translation>File CSV</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Series preview</source>
        <translation>Anteprima della serie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shaded part validates. Drag the orange line to move the split.</source>
        <translation>La parte ombreggiata è quella di validazione. Trascina la linea arancione per spostare la suddivisione.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start of the validation part; drag to move it.</source>
        <translation>Inizio della parte di validazione: trascina la linea per spostarlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source</source>
        <translation>Origine dei dati</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Validation split</source>
        <translation>Suddivisione per la validazione</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>%1 windows in all, so at most %2 can be for validation</source>
        <translation>finestre in tutto: %1, quindi al massimo %2 possono essere di validazione</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1; a window length of %2 gives %3 training windows</source>
        <translation>%1; con una finestra lunga %2 le finestre di addestramento sono %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>too short for windows of %1 values</source>
        <translation>troppo corta per finestre di %1 valori</translation>
    </message>
</context>
<context>
    <name>GeneratorForm</name>
    <message>
        <location line="-886"/>
        <source>Command line: --generator %1</source>
        <translation>Riga di comando: --generator %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Built-in series. The first, Tutorial sine, is the classic tutorial&apos;s series.</source>
        <translation>Serie predefinite. La prima, Seno del tutorial, è la serie del tutorial classico.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of values generated.</source>
        <translation>Numero di valori generati.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standard deviation of Gaussian noise added to every value.</source>
        <translation>Deviazione standard del rumore gaussiano aggiunto a ogni valore.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed of the noise and of random generators.</source>
        <translation>Seme del rumore e dei generatori casuali.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Generator</source>
        <translation>Generatore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>Lunghezza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise</source>
        <translation>Rumore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise seed</source>
        <translation>Seme del rumore</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Every value of this series is %1, so there is nothing to learn. Check the parameters above: an amplitude or a step of 0 gives a flat series, and so can a length shorter than one cycle.</source>
        <translation>Ogni valore di questa serie è %1, quindi non c&apos;è nulla da imparare. Controlla i parametri qui sopra: un&apos;ampiezza o un passo pari a 0 dà una serie piatta, e così può fare una lunghezza inferiore a un ciclo.</translation>
    </message>
</context>
<context>
    <name>Generators</name>
    <message>
        <location filename="../../rnn_desktop/gui/generator_texts.py" line="+18"/>
        <source>The tutorial&apos;s series: sin(0), sin(1), sin(2), ..., one radian per step.</source>
        <translation>La serie del tutorial: sin(0), sin(1), sin(2), ..., un radiante per passo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A sine with a chosen period, amplitude and phase.</source>
        <translation>Una sinusoide con periodo, ampiezza e fase a scelta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sum of two sines with different periods.</source>
        <translation>La somma di due sinusoidi con periodi diversi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A square wave switching between +amplitude and -amplitude.</source>
        <translation>Un&apos;onda quadra che alterna tra +ampiezza e -ampiezza.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A ramp from -amplitude up to +amplitude that restarts every period.</source>
        <translation>Una rampa da -ampiezza a +ampiezza che riparte a ogni periodo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A sine whose amplitude decays exponentially.</source>
        <translation>Una sinusoide la cui ampiezza decade in modo esponenziale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Gaussian random walk starting at 0; the seed chooses the path.</source>
        <translation>Una passeggiata aleatoria gaussiana che parte da 0; il seme sceglie il percorso.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Mackey–Glass delay equation, chaotic for tau = 17, one value per time unit.</source>
        <translation>L&apos;equazione con ritardo di Mackey–Glass, caotica per tau = 17, un valore per unità di tempo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps per full cycle.</source>
        <translation>Passi per ciclo completo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak value above zero.</source>
        <translation>Valore di picco sopra lo zero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phase shift in radians at step 0.</source>
        <translation>Sfasamento in radianti al passo 0.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps per cycle of the first sine.</source>
        <translation>Passi per ciclo della prima sinusoide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amplitude of the first sine.</source>
        <translation>Ampiezza della prima sinusoide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps per cycle of the second sine.</source>
        <translation>Passi per ciclo della seconda sinusoide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amplitude of the second sine.</source>
        <translation>Ampiezza della seconda sinusoide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of each cycle spent at +amplitude.</source>
        <translation>Frazione di ogni ciclo trascorsa a +ampiezza.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps after which the amplitude falls to 1/e.</source>
        <translation>Passi dopo i quali l&apos;ampiezza scende a 1/e.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard deviation of each step.</source>
        <translation>Deviazione standard di ogni passo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean of each step.</source>
        <translation>Media di ogni passo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay in time units; 17 and above give chaos.</source>
        <translation>Ritardo in unità di tempo; da 17 in su il comportamento è caotico.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gain of the delayed feedback term.</source>
        <translation>Guadagno del termine di retroazione ritardata.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decay rate of the current value.</source>
        <translation>Tasso di decadimento del valore attuale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power n in the nonlinearity x^n.</source>
        <translation>Potenza n nella non linearità x^n.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Constant value of the history before time 0.</source>
        <translation>Valore costante della storia prima del tempo 0.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tutorial sine</source>
        <translation>Seno del tutorial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sine wave</source>
        <translation>Onda sinusoidale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sum of two sines</source>
        <translation>Somma di due seni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Square wave</source>
        <translation>Onda quadra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sawtooth</source>
        <translation>Dente di sega</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damped sine</source>
        <translation>Seno smorzato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random walk</source>
        <translation>Passeggiata aleatoria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mackey–Glass</source>
        <translation>Mackey–Glass</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amplitude</source>
        <translation>Ampiezza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period 1</source>
        <translation>Periodo 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amplitude 1</source>
        <translation>Ampiezza 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period 2</source>
        <translation>Periodo 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amplitude 2</source>
        <translation>Ampiezza 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty cycle</source>
        <translation>Ciclo di lavoro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time constant</source>
        <translation>Costante di tempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step size</source>
        <translation>Ampiezza del passo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drift</source>
        <translation>Deriva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay tau</source>
        <translation>Ritardo tau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponent</source>
        <translation>Esponente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial value</source>
        <translation>Valore iniziale</translation>
    </message>
</context>
<context>
    <name>GradientPlot</name>
    <message>
        <location filename="../../rnn_desktop/gui/plots.py" line="+1029"/>
        <source>Gradient norm per time step (last batch)</source>
        <translation>Norma del gradiente per passo (ultimo batch)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gradient norm per step</source>
        <translation>Norma del gradiente per passo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time step in the window</source>
        <translation>passo temporale nella finestra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mean ||dL/dh||</source>
        <translation>media di ||dL/dh||</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gradient norm</source>
        <translation>norma del gradiente</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+17"/>
        <location line="+8"/>
        <source>Recorded from the next epoch on</source>
        <translation>Registrato dall&apos;epoca successiva in poi</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Not recorded: the loss diverged in epoch %1</source>
        <translation>Non registrato: la perdita è divergita nell&apos;epoca %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>mean ||dL/dh|| above 0</source>
        <translation>media di ||dL/dh|| (maggiore di 0)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0: outside truncated BPTT, which keeps the last %1 steps</source>
        <translation>0: fuori dalla BPTT troncata, che tiene gli ultimi %1 passi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>0: no gradient passes the activation</source>
        <translation>0: nessun gradiente attraversa l&apos;attivazione</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>epoch %1, step %2: %3</source>
        <translation>epoca %1, passo %2: %3</translation>
    </message>
</context>
<context>
    <name>HiddenStatePlot</name>
    <message>
        <location line="+17"/>
        <source>Hidden state over the first validation window</source>
        <translation>Stato nascosto, prima finestra di validazione</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hidden state</source>
        <translation>Stato nascosto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time step in the window</source>
        <translation>passo temporale nella finestra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hidden unit</source>
        <translation>unità nascosta</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recorded from the next epoch on</source>
        <translation>Registrato dall&apos;epoca successiva in poi</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>epoch %1, step %2, unit %3: hidden state %4</source>
        <translation>epoca %1, passo %2, unità %3: stato nascosto %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>epoch %1, step %2: no finite hidden state</source>
        <translation>epoca %1, passo %2: nessuno stato nascosto finito</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>epoch %1, step %2: hidden state from %3 to %4</source>
        <translation>epoca %1, passo %2: stato nascosto da %3 a %4</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location line="-825"/>
        <source>Loss (MSE on scaled data)</source>
        <translation>Perdita (MSE sui dati scalati)</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>epoch</source>
        <translation>epoca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>perdita</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>training</source>
        <translation>addestramento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>validazione</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>kept</source>
        <translation>pesi tenuti</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>current data</source>
        <translation>dati attuali</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loss (MSE on the series&apos; values)</source>
        <translation>Perdita (MSE sui valori della serie)</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>from epoch %1</source>
        <translation>dall&apos;epoca %1</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>epoch %1: training loss %2, validation loss %3</source>
        <translation>epoca %1: perdita di addestramento %2, perdita di validazione %3</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../rnn_desktop/gui/main_window.py" line="+174"/>
        <source>rnn-desktop</source>
        <translation>rnn-desktop</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Data</source>
        <translation>Dati</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model and training</source>
        <translation>Modello e addestramento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Avvia</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1016"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location line="-1015"/>
        <source>Stop</source>
        <translation>Ferma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Avanza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset weights</source>
        <translation>Reinizializza i pesi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number of future steps forecast recursively beyond the end of the series.</source>
        <translation>Numero di passi futuri previsti in modo ricorsivo oltre la fine della serie.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Forecast steps</source>
        <translation>Passi futuri</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>&amp;Start</source>
        <translation>&amp;Avvia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the current model for the set number of epochs (F5).</source>
        <translation>Addestra il modello attuale per il numero di epoche impostato (F5).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+897"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <location line="-896"/>
        <source>Pause training after the current batch, or resume it (F6).</source>
        <translation>Mette in pausa l&apos;addestramento dopo il batch in corso, o lo riprende (F6).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>&amp;Ferma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop training after the current batch (Shift+F5).</source>
        <translation>Ferma l&apos;addestramento dopo il batch in corso (Shift+F5).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>St&amp;ep one epoch</source>
        <translation>A&amp;vanza di un&apos;epoca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train one more epoch of the current model (F10).</source>
        <translation>Addestra il modello attuale per un&apos;altra epoca (F10).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset weights</source>
        <translation>&amp;Reinizializza i pesi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-initialise the weights from the seed (Ctrl+R).</source>
        <translation>Reinizializza i pesi a partire dal seme (Ctrl+R).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open CSV...</source>
        <translation>&amp;Apri CSV...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save weights...</source>
        <translation>&amp;Salva i pesi...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Load weights...</source>
        <translation>&amp;Carica i pesi...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;predictions as CSV...</source>
        <translation>Esporta le &amp;predizioni in CSV...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export loss &amp;history as CSV...</source>
        <translation>Esporta lo s&amp;torico della perdita in CSV...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export loss plo&amp;t (PNG or SVG)...</source>
        <translation>Esporta il &amp;grafico della perdita (PNG o SVG)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export predictio&amp;n plot (PNG or SVG)...</source>
        <translation>Esporta il grafico delle pre&amp;dizioni (PNG o SVG)...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;gradient plot (PNG or SVG)...</source>
        <translation>Esporta il grafico dei gradie&amp;nti (PNG o SVG)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export hi&amp;dden-state plot (PNG or SVG)...</source>
        <translation>Esporta il grafico degli stati nasc&amp;osti (PNG o SVG)...</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Show &amp;log file location</source>
        <translation>Mostra la posizione del file di &amp;log</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;gradient norms and hidden states</source>
        <translation>Mostra le norme del &amp;gradiente e gli stati nascosti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record and plot the gradient norm at each time step and the hidden state over the first validation window, from the next epoch on.</source>
        <translation>Registra e traccia la norma del gradiente a ogni passo temporale e lo stato nascosto lungo la prima finestra di validazione, dall&apos;epoca successiva in poi.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open &amp;recent</source>
        <translation>Apri &amp;recenti</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Training</source>
        <translation>A&amp;ddestramento</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About</source>
        <translation>&amp;Informazioni su rnn-desktop</translation>
    </message>
    <message>
        <location line="+811"/>
        <source>&amp;Resume</source>
        <translation>Ri&amp;prendi</translation>
    </message>
    <message>
        <location line="-990"/>
        <location line="+991"/>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Back to %1.</source>
        <translation>Di nuovo in uso: %1.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The series has %1 values, but a window length of %2 with this split needs at least %3. Use a window length of at most %4, or shorten the validation part.</source>
        <translation>La serie ha %1 valori, ma una finestra di %2 con questa suddivisione ne richiede almeno %3. Usa una finestra lunga al massimo %4, o accorcia la parte di validazione.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The series has %1 values, but a window length of %2 with this split needs at least %3. Shorten the window or the validation part.</source>
        <translation>La serie ha %1 valori, ma una finestra di %2 con questa suddivisione ne richiede almeno %3. Accorcia la finestra o la parte di validazione.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The CSV file in the Data tab could not be read. Change its column or reading settings, open another file, or choose Generator.</source>
        <translation>Il file CSV nella scheda Dati non si è potuto leggere. Cambia la colonna o le impostazioni di lettura, apri un altro file oppure scegli Generatore.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>BPTT truncation to %1 steps is not below the window length, %2, so backpropagation runs through the whole window.</source>
        <translation>Il troncamento della BPTT a %1 passi non è inferiore alla lunghezza della finestra, %2, quindi la retropropagazione attraversa tutta la finestra.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A batch size of %1 is more than the %2 training windows, so each epoch is one batch of %2.</source>
        <translation>Una dimensione del batch di %1 supera le %2 finestre di addestramento, quindi ogni epoca è un solo batch di %2.</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Log file</source>
        <translation>File di log</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About rnn-desktop</source>
        <translation>Informazioni su rnn-desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rnn-desktop %1
A recurrent neural network written from scratch in numpy, trained live on a time series.</source>
        <translation>rnn-desktop %1
Una rete neurale ricorrente scritta da zero in numpy e addestrata in diretta su una serie temporale.</translation>
    </message>
    <message>
        <location filename="../../rnn_desktop/gui/file_actions.py" line="+63"/>
        <source>Open CSV</source>
        <translation>Apri CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>File CSV (*.csv *.tsv *.txt);;Tutti i file (*)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>(none)</source>
        <translation>(nessuno)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save weights</source>
        <translation>Salva i pesi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights (*.npz)</source>
        <translation>Pesi (*.npz)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Load weights</source>
        <translation>Carica i pesi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights (*.npz);;All files (*)</source>
        <translation>Pesi (*.npz);;Tutti i file (*)</translation>
    </message>
    <message>
        <location line="+240"/>
        <source>CSV: commas, decimal points (*.csv)</source>
        <translation>CSV: virgole, punti decimali (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>European CSV: semicolons, decimal commas (*.csv)</source>
        <translation>CSV europeo: punti e virgola, virgole decimali (*.csv)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export predictions</source>
        <translation>Esporta le predizioni</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Export loss history</source>
        <translation>Esporta lo storico della perdita</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export plot</source>
        <translation>Esporta il grafico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Immagine PNG (*.png);;Disegno SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>PredictionPlot</name>
    <message>
        <location filename="../../rnn_desktop/gui/plots.py" line="+42"/>
        <location line="+215"/>
        <source>Predictions against the series</source>
        <translation>Predizioni a confronto con la serie</translation>
    </message>
    <message>
        <location line="-213"/>
        <location line="+63"/>
        <source>value</source>
        <translation>valore</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>series</source>
        <translation>serie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prediction (training)</source>
        <translation>predizione (addestramento)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prediction (validation)</source>
        <translation>predizione (validazione)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forecast</source>
        <translation>previsione</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>validation</source>
        <translation>validazione</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>date</source>
        <translation>data</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>time step</source>
        <translation>passo temporale</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>every prediction is %1, outside what the axis shows</source>
        <translation>ogni predizione vale %1, fuori da quanto mostra l&apos;asse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the predictions span %1 to %2, more than the axis shows</source>
        <translation>le predizioni vanno da %1 a %2, oltre quanto mostra l&apos;asse</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>predictions beyond the axis</source>
        <translation>predizioni oltre l&apos;asse</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: series %2</source>
        <translation>%1: serie %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, prediction %1</source>
        <translation>, predizione %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>forecast step %1: %2</source>
        <translation>passo di previsione %1: %2</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="qt_names.py" line="+17"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Cartella</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-2"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Cerca in:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>File di &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>SplitForm</name>
    <message>
        <location filename="../../rnn_desktop/gui/data_panel.py" line="+432"/>
        <source>last N windows</source>
        <translation>ultime N finestre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fraction of windows</source>
        <translation>frazione delle finestre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the validation part is chosen. The split is chronological: validation windows are always the last ones.</source>
        <translation>Come si sceglie la parte di validazione. La suddivisione è cronologica: le finestre di validazione sono sempre le ultime.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number of windows at the end of the series used for validation. You can also drag the split line in the preview.</source>
        <translation>Numero di finestre alla fine della serie usate per la validazione. Puoi anche trascinare la linea di suddivisione nell&apos;anteprima.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fraction of the windows used for validation, between 0 and 1.</source>
        <translation>Frazione delle finestre usate per la validazione, tra 0 e 1.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../rnn_desktop/gui/training_panel.py" line="+116"/>
        <source>min-max</source>
        <translation>min-max</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>z-score</source>
        <translation>z-score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>truncate to</source>
        <translation>tronca a</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>clip at</source>
        <translation>limita a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after</source>
        <translation>dopo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> epochs</source>
        <translation> epoche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>halve when validation loss stalls</source>
        <translation>dimezza se la validazione ristagna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recommended</source>
        <translation>Consigliata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutorial (classic numpy RNN)</source>
        <translation>Tutorial (la classica RNN in numpy)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Preset:</source>
        <translation>Preimpostazione:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window length (seq_len)</source>
        <translation>Finestra (seq_len)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units</source>
        <translation>Unità nascoste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation</source>
        <translation>Attivazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initialisation</source>
        <translation>Inizializzazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Float type</source>
        <translation>Tipo in virgola mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scaling</source>
        <translation>Scalatura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training</source>
        <translation>Addestramento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimiser</source>
        <translation>Ottimizzatore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Tasso di apprendimento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum</source>
        <translation>Momento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>Dimensione del batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BPTT</source>
        <translation>BPTT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clip by value</source>
        <translation>Clipping per valore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clip by norm</source>
        <translation>Clipping per norma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping</source>
        <translation>Arresto anticipato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate decay</source>
        <translation>Riduzione del tasso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed</source>
        <translation>Seme casuale</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Number of past values the network reads to predict the next one. Longer windows see more context but train slower and make gradients vanish sooner.</source>
        <translation>Numero di valori passati che la rete legge per predire il successivo. Le finestre più lunghe vedono più contesto, ma rallentano l&apos;addestramento e fanno svanire prima i gradienti.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size of the hidden state. More units can fit more complex series but train slower and overfit sooner.</source>
        <translation>Dimensione dello stato nascosto. Più unità si adattano a serie più complesse, ma rallentano l&apos;addestramento e portano prima al sovradattamento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Non-linearity of the hidden state. tanh is the usual choice; sigmoid is the tutorial&apos;s; relu can explode without clipping.</source>
        <translation>Non linearità dello stato nascosto. tanh è la scelta abituale; sigmoid è quella del tutorial; relu può esplodere senza clipping.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the weights start. glorot (with an orthogonal recurrent matrix) trains reliably; uniform U(0, 1) is the tutorial&apos;s and needs a tiny learning rate.</source>
        <translation>Valori iniziali dei pesi. Con glorot (e una matrice ricorrente ortogonale) l&apos;addestramento è affidabile; uniform U(0, 1) è quella del tutorial e richiede un tasso di apprendimento minuscolo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Floating-point precision. float32 is faster; float64 gives results identical to the command line&apos;s on every machine.</source>
        <translation>Precisione in virgola mobile. float32 è più veloce; float64 dà risultati identici a quelli della riga di comando su ogni macchina.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rescaling of the series, fitted on the training part only. Scaled inputs keep the activations out of saturation; none is the tutorial&apos;s choice.</source>
        <translation>Riscalatura della serie, stimata solo sulla parte di addestramento. Con ingressi scalati le attivazioni restano lontane dalla saturazione; nessuna è la scelta del tutorial.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How gradients update the weights. adam adapts the step per weight and is the robust default; sgd is the tutorial&apos;s.</source>
        <translation>Come i gradienti aggiornano i pesi. adam adatta il passo a ogni peso ed è la scelta predefinita più robusta; sgd è quella del tutorial.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size of each update step. Too large diverges, too small barely moves. You can change it while training is paused.</source>
        <translation>Ampiezza di ogni passo di aggiornamento. Se è troppo grande l&apos;addestramento diverge, se è troppo piccolo quasi non avanza. Puoi cambiarlo mentre l&apos;addestramento è in pausa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fraction of the previous update added to the next one, for the momentum optimiser only.</source>
        <translation>Frazione dell&apos;aggiornamento precedente aggiunta al successivo; vale solo per l&apos;ottimizzatore momentum.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows averaged into one gradient step. Small batches update often and noisily; large ones are smoother and faster per sample.</source>
        <translation>Finestre mediate in un unico passo del gradiente. I batch piccoli aggiornano spesso e con molto rumore; quelli grandi sono più regolari e più veloci per campione.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passes over the training windows in one run. Early stopping may end the run sooner.</source>
        <translation>Passate sulle finestre di addestramento in un&apos;esecuzione. L&apos;arresto anticipato può concluderla prima.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backpropagate through the last K time steps only. Truncation is faster but ignores longer dependencies; unchecked means full BPTT.</source>
        <translation>Retropropaga il gradiente solo attraverso gli ultimi K passi temporali. Il troncamento è più veloce ma ignora le dipendenze più lunghe; con la casella non spuntata la BPTT è completa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limit each gradient element to [-V, V], which stops single huge gradients from wrecking the weights (the tutorial uses 10).</source>
        <translation>Limita ogni elemento del gradiente a [-V, V], così un singolo gradiente enorme non rovina i pesi (il tutorial usa 10).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rescale the whole gradient when its norm exceeds N, which prevents exploding gradients without changing their direction.</source>
        <translation>Riscala l&apos;intero gradiente quando la sua norma supera N: impedisce l&apos;esplosione dei gradienti senza cambiarne la direzione.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop when the validation loss has not improved for this many epochs, and keep the best weights.</source>
        <translation>Ferma l&apos;addestramento quando la perdita di validazione non migliora per questo numero di epoche, e mantiene i pesi migliori.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Halve the learning rate when the validation loss stalls, so training can settle into a minimum.</source>
        <translation>Dimezza il tasso di apprendimento quando la perdita di validazione ristagna, così l&apos;addestramento può assestarsi in un minimo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed of the weight initialisation and the shuffling. The same seed and settings give the same result.</source>
        <translation>Seme dell&apos;inizializzazione dei pesi e del rimescolamento. Con lo stesso seme e le stesse impostazioni si ottiene lo stesso risultato.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings that train well on most series: tanh, Glorot initialisation, Adam and min-max scaling.</source>
        <translation>Impostazioni che addestrano bene sulla maggior parte delle serie: tanh, inizializzazione di Glorot, Adam e scalatura min-max.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The classic numpy RNN tutorial: 100 sigmoid units, U(0, 1) weights, plain SGD with learning rate 0.0001 and BPTT truncated to 5 steps. With correct gradients its sigmoid units start saturated, and 25 epochs of SGD at that rate cannot move them, so on the sine it ends near predicting zero (validation RMSE about 0.71, worse than repeating the last value at 0.68). Recommended reaches about 0.005 on the same data.</source>
        <translation>Il classico tutorial di RNN in numpy: 100 unità sigmoidi, pesi U(0, 1), SGD semplice con tasso di apprendimento 0,0001 e BPTT troncata a 5 passi. Con gradienti corretti le sue unità sigmoidi partono sature e 25 epoche di SGD a quel tasso non riescono a smuoverle, così sulla sinusoide finisce per predire valori vicini a zero (RMSE di validazione circa 0,71, peggio di ripetere l&apos;ultimo valore, che dà 0,68). Consigliata arriva a circa 0,005 sugli stessi dati.</translation>
    </message>
</context>
</TS>
