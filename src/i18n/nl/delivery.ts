/** Dutch texts of delivery to Teams (issue 11 item 7: a post whose earlier attempt had an unknown outcome). */
export const nlDelivery = {
  maybeDuplicate:
    'Let op: een eerdere plaatsing van dit bericht werd onderbroken voordat Teams antwoordde. Mogelijk staat het daardoor twee keer in dit kanaal; dit is het bericht dat wordt bijgewerkt.',
} as const;
