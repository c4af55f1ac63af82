<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name>Exporter</name>
    <message>
        <source>width</source>
        <translation>larghezza</translation>
    </message>
    <message>
        <source>height</source>
        <translation>altezza</translation>
    </message>
    <message>
        <source>Scalable Vector Graphics</source>
        <translation>Grafica vettoriale scalabile</translation>
    </message>
    <message>
        <source>antialias</source>
        <translation>antialiasing</translation>
    </message>
    <message>
        <source>background</source>
        <translation>sfondo</translation>
    </message>
    <message>
        <source>invertValue</source>
        <translation>inverti i valori</translation>
    </message>
    <message>
        <source>scaling stroke</source>
        <translation>scala lo spessore delle linee</translation>
    </message>
    <message>
        <source>separator</source>
        <translation>separatore</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>precisione</translation>
    </message>
    <message>
        <source>columnMode</source>
        <translation>disposizione delle colonne</translation>
    </message>
    <message>
        <source>Image File (PNG, TIF, JPG, ...)</source>
        <translation>File immagine (PNG, TIF, JPG, ...)</translation>
    </message>
    <message>
        <source>Scalable Vector Graphics (SVG)</source>
        <translation>Grafica vettoriale scalabile (SVG)</translation>
    </message>
    <message>
        <source>CSV of original plot data</source>
        <translation>CSV dei dati originali del grafico</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Stampante</translation>
    </message>
    <message>
        <source>Matplotlib Window</source>
        <translation>Finestra Matplotlib</translation>
    </message>
    <message>
        <source>HDF5 Export: plot (x,y)</source>
        <translation>Esportazione HDF5: grafico (x,y)</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Ridimensiona automaticamente questo asse ogni volta che cambiano i dati mostrati.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Attiva l&apos;interazione con il mouse (spostamento, zoom) su questo asse.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverte la visualizzazione di questo asse (+y punta verso il basso invece che verso l&apos;alto).&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Collega questo asse a un&apos;altra vista. Quando sono collegate, entrambe le viste mostrano lo stesso intervallo di dati.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Valore massimo da mostrare su questo asse.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Valore minimo da mostrare su questo asse.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percentuale dei dati da mostrare nella scala automatica. Ridurre questo valore può servire per dati con picchi di rumore.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Imposta a mano l&apos;intervallo di questo asse. Disattiva la scala automatica. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Se è spuntata, l&apos;asse si sposta da solo per centrare i dati attuali, ma la sua scala non cambia.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Se è spuntata, la scala automatica dell&apos;asse considera solo i dati visibili lungo l&apos;asse ortogonale.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Trasparenza</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatico</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>Solo spostamento automatico</translation>
    </message>
    <message>
        <source>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</source>
        <translation>Sottocampiona automaticamente i dati in base all&apos;intervallo visibile. Presuppone valori di X equidistanti.</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>Limita alla vista</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copia</translation>
    </message>
    <message>
        <source>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</source>
        <translation>Mostra la media delle curve di questo grafico. L&apos;elenco dei parametri permette di scegliere su quali parametri fare la media (se ce ne sono).</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>Sottocampionamento</translation>
    </message>
    <message>
        <source>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</source>
        <translation>Sottocampiona disegnando un&apos;onda a dente di sega che segue minimi e massimi dei dati originali. È il metodo che rappresenta meglio i dati, ma è più lento.</translation>
    </message>
    <message>
        <source>Downsample by taking the first of N samples. This method is fastest and least accurate.</source>
        <translation>Sottocampiona prendendo il primo campione ogni N. È il metodo più veloce e meno preciso.</translation>
    </message>
    <message>
        <source>Downsample by taking the mean of N samples.</source>
        <translation>Sottocampiona prendendo la media di N campioni.</translation>
    </message>
    <message>
        <source>Downsample data before plotting. (plot every Nth sample)</source>
        <translation>Sottocampiona i dati prima di tracciarli (traccia un campione ogni N).</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Formato di esportazione</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>Opzioni di esportazione</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>Dimentica le tracce nascoste</translation>
    </message>
    <message>
        <source>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</source>
        <translation>Se «Tracce massime» è spuntata, toglie dalla memoria le curve nascoste (risparmia memoria, ma le tracce non si possono più mostrare).</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check &quot;Max Traces&quot; and set this value to limit the number of traces that are displayed.</source>
        <translation>Se il grafico mostra più curve, spunta «Tracce massime» e imposta questo valore per limitare il numero di tracce mostrate.</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</source>
        <translation>Se il grafico mostra più curve, spunta questa casella per limitare il numero di tracce mostrate.</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>Inverti l&apos;asse</translation>
    </message>
    <message>
        <source>Item to export:</source>
        <translation>Elemento da esportare:</translation>
    </message>
    <message>
        <source>Link Axis:</source>
        <translation>Collega l&apos;asse:</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>X logaritmica</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>Y logaritmica</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuale</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>Tracce massime:</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>Mouse attivo</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacità</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Picchi</translation>
    </message>
    <message>
        <source>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</source>
        <translation>Traccia solo la parte visibile di ogni curva. Presuppone valori di X equidistanti.</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punti</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>Spettro di potenza (FFT)</translation>
    </message>
    <message>
        <source>PyQtGraph</source>
        <translation>PyQtGraph</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>Mostra la griglia X</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>Mostra la griglia Y</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>Sottocampiona</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>Sottrai la media</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>Solo dati visibili</translation>
    </message>
    <message>
        <source>Y vs. Y&apos;</source>
        <translation>Y rispetto a Y&apos;</translation>
    </message>
    <message>
        <source>dy/dx</source>
        <translation>dy/dx</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>Esporta...</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Transforms</source>
        <translation>Trasformazioni</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>Sottocampionamento</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Trasparenza</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Griglia</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punti</translation>
    </message>
    <message>
        <source>Plot Options</source>
        <translation>Opzioni del grafico</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <translation>Opzioni della vista</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>Mostra tutto</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>Modalità del mouse</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>asse</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>3 pulsanti</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>1 pulsante</translation>
    </message>
</context>
</TS>
